/** Opens search from the header button, Ctrl/Cmd+K and `/`; the search code loads on first use. */
export function initSearchTriggers(): void {
  const root = document.querySelector<HTMLElement>('.search');
  if (!root) return;
  const open = async (query?: string) => {
    const { openSearch } = await import('./search-dialog.ts');
    openSearch(root, query);
  };
  root.querySelector('.search-open')?.addEventListener('click', () => void open());
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
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) {
    // On the 404 page, offer the missing address's last words as the query.
    const field = form.querySelector('input');
    const words = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '')
      .replace(/\.html?$/, '')
      .replace(/[-_]+/g, ' ');
    if (field && !field.value) field.value = words;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = form.querySelector('input');
      void open(input?.value ?? '');
    });
  }
}
