// The element lookups every lesson controller makes. Controls are found by their data-testid, the
// same handle the browser tests drive them by, so a page and its tests name each control once.

/** The element with data-testid `testId`. The lesson's HTML defines every id its controller asks for. */
export const $ = <T extends HTMLElement = HTMLElement>(testId: string): T =>
  document.querySelector<T>(`[data-testid="${testId}"]`)!;

/** The element with HTML id `id` (labels, messages and live regions that have no test id). */
export const byId = (id: string): HTMLElement => document.getElementById(id)!;
