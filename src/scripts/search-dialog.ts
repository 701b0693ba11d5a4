import { createSearchUI, preloadSearch, type SearchUI } from './search-ui.ts';

let ui: SearchUI | undefined;

/** Starts loading the search index (the reader showed they are about to search). */
export function warmSearch(root: HTMLElement): void {
  preloadSearch(root.dataset.base ?? '/');
}

/** Opens the search dialog, optionally with a query already typed. */
export function openSearch(root: HTMLElement, query?: string): void {
  const dialog = root.querySelector<HTMLDialogElement>('dialog');
  const panel = dialog?.querySelector<HTMLElement>('[data-search-panel]');
  if (!dialog || !panel) return;
  if (!ui) {
    ui = createSearchUI(panel, { onLeave: () => dialog.close() });
    panel.querySelector('.search-close')?.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }
  warmSearch(root);
  if (!dialog.open) dialog.showModal();
  ui.input.focus();
  if (query !== undefined && query !== '') ui.setQuery(query);
  else ui.input.select();
}
