// Copies text to the clipboard, also inside a Teams frame where the Clipboard API may be blocked.

/** Copies with the Clipboard API, falling back to a hidden textarea where a frame may not use it. */
export async function copyText(value: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(value);
  } catch {
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
}
