/**
 * Gives the focus to a batch of the timeline (issue 14: Send → the batch). Needed after the
 * confirmation closes: a modal dialog closed gives the focus back to the button that opened it,
 * after the batch took it when it was shown.
 */
export function focusBatch(id: string | null): void {
  if (id === null) return;
  document.querySelector<HTMLElement>(`[data-batch="${CSS.escape(id)}"]`)?.focus();
}
