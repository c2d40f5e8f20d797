// axe-core (WCAG 2.1 A and AA) on a settled page: its serious and critical violations. One known false positive is
// left out: Fluent UI's focus sentinels (Tabster's `<i data-tabster-dummy tabindex="0" aria-hidden="true">`) trip
// aria-hidden-focus by design — they only pass focus on, and a screen reader must not announce them
// (microsoft/tabster#288; Accessibility Insights suppresses them too).
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** The serious and critical violations, each as "rule-id: target, target" (Tabster's sentinels left out). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Scan a settled page: its requests answered and its transitions over (a button fading in has no contrast yet).
  await page.waitForLoadState("networkidle");
  await page.evaluate(
    "Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)))",
  );
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v: Violation) => v.impact === "serious" || v.impact === "critical")
    .map((v: Violation) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
