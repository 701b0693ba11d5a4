import { queryFromMissingPath } from '../lib/search-link.ts';

/**
 * Opens search from the header button, Ctrl/Cmd+K and `/`; on the search page these focus its field.
 * The search code loads on first use, and its index as soon as the reader shows intent
 * (pointer over or focus on the button, the keys), so results follow the first keystroke quickly.
 */
export function initSearchTriggers(): void {
  const root = document.querySelector<HTMLElement>('.search');
  const page = document.querySelector<HTMLElement>('[data-search-panel="page"]');
  if (page) void import('./search-page.ts').then(({ initSearchPage }) => initSearchPage(page));
  if (!root) return;
  const base = root.dataset.base ?? '/';
  const dialog = root.querySelector('dialog');
  const input = dialog?.querySelector('input');
  let code: Promise<typeof import('./search-dialog.ts')> | undefined;
  // Pagefind's script loads beside the search code, and its worker starts as soon as the script is in (not once
  // our code has loaded too): the worker loads the WebAssembly meanwhile.
  const load = () => {
    if (!code) {
      import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).catch(() => undefined);
      import('./search-start.ts').then((start) => start.startPagefind(base)).catch(() => undefined);
      code = import('./search-dialog.ts');
      // A failed load (offline, before the offline copy is saved) is tried again at the next sign of intent.
      code.catch(() => (code = undefined));
    }
    return code;
  };
  const open = async (query?: string) => {
    if (page) return page.querySelector('input')?.focus();
    // Opened before its code arrives, so what the reader types at once lands in the field and is searched on arrival.
    if (dialog && input) {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
    }
    (await load()).openSearch(root, query);
  };
  const warm = () => void load().then(({ warmSearch }) => warmSearch(root));
  const button = root.querySelector('.search-open');
  button?.addEventListener('click', () => void open());
  for (const intent of ['pointerenter', 'focus', 'touchstart']) button?.addEventListener(intent, warm, { once: true, passive: true });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]') !== null && target !== null;
    if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void open();
    } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      void open();
    }
  });
  // The 404 page offers the missing address's last words as the query; its form leads to the search page.
  const missing = document.querySelector<HTMLInputElement>('form[data-search-form] input');
  if (missing && !missing.value) missing.value = queryFromMissingPath(location.pathname);
}
