import { createSearchUI, preloadSearch, type SearchUI } from './search-ui.ts';

let ui: SearchUI | undefined;

/** Starts loading the search index (the reader showed they are about to search). */
export function warmSearch(root: HTMLElement): void {
  preloadSearch(root.dataset.base ?? '/');
}

/**
 * Wires the search dialog, which the trigger has already opened (so no keystroke is lost while this code
 * loads), and searches what is typed in it, or `query`.
 */
export function openSearch(root: HTMLElement, query?: string): void {
  const dialog = root.querySelector<HTMLDialogElement>('dialog');
  const panel = dialog?.querySelector<HTMLElement>('[data-search-panel]');
  if (!dialog || !panel) return;
  warmSearch(root);
  if (!ui) {
    ui = createSearchUI(panel, { onLeave: () => dialog.close() });
    panel.querySelector('.search-close')?.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }
  if (!dialog.open) dialog.showModal();
  if (query !== undefined && query !== '') ui.setQuery(query);
}
