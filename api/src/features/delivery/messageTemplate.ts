// Pure: a setup's message template filled in for one document, as the subject, an HTML body and its plain text.
// The HTML is deliberately plain — one table, inline styles, no images or scripts — so every mail client shows it the
// same, and every value in it is escaped: a customer named "<b>Ann</b>" reads as just that.
import type { Placeholder, TMessageTemplate } from "../setup/deliverySettings.schema";

/** A message ready to send. */
export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** Fills `{placeholder}`s in; a placeholder without a value stays as written (the schema refuses unknown ones). */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name as Placeholder] ?? whole);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Subject, HTML and text of a template for one document; blank lines part paragraphs, single newlines break lines. */
export function renderMessage(template: TMessageTemplate, values: Partial<Record<Placeholder, string>>, lang: string): RenderedMessage {
  // Subjects are one line: a newline typed into one would start the message's headers over in some clients.
  const subject = fillPlaceholders(template.subject, values).replace(/\s*[\r\n]+\s*/g, " ").trim();
  const text = fillPlaceholders(template.body, values).replace(/\r\n?/g, "\n").trim();
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px 0">${p.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("\n");
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:24px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#242424"><tr><td>
${paragraphs}
</td></tr></table>
</td></tr></table>
</body>
</html>`;
  return { subject, html, text };
}
