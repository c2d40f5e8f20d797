// Layout checks of the browser tests: what runs off a page (or a dialog) sideways at a given width.
import type { Page } from "playwright-core";

/** What spills past the viewport's sides, or scrolls sideways inside it: "tag.class spans 12–480" (at most 10). */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const vw = document.documentElement.clientWidth;
    const name = (el) => el.tagName.toLowerCase() + ([...el.classList].find((c) => c.startsWith("fui-")) ? "." + [...el.classList].find((c) => c.startsWith("fui-")) : "") + (el.dataset.testid ? "[" + el.dataset.testid + "]" : "");
    const out = [];
    if (document.documentElement.scrollWidth > vw) out.push("the page scrolls sideways: " + document.documentElement.scrollWidth + " > " + vw);
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      if (r.right > vw + 1 || r.left < -1) out.push(name(el) + " spans " + Math.round(r.left) + "–" + Math.round(r.right));
      else if ((style.overflowX === "auto" || style.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1) out.push(name(el) + " scrolls sideways: " + el.scrollWidth + " > " + el.clientWidth);
    }
    return out.slice(0, 10);
  })()`);
}
