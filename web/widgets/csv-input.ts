// The "your own CSV" box of the data lessons: text pasted into the box is used when the Load button
// is pressed; a chosen file is used at once, its first 20,000 characters shown in the box.

/** Hands the CSV text to `use` on a click of `load` (the box's text) or a file chosen in `file` (the whole file). */
export function csvInput(box: HTMLTextAreaElement, load: HTMLElement, file: HTMLInputElement, use: (text: string) => void): void {
  load.addEventListener('click', () => use(box.value));
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const text = await chosen.text();
    box.value = text.length > 20_000 ? `${text.slice(0, 20_000)}\n…` : text;
    use(text);
  });
}
