interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { balanced_score: number }[];
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; section?: string };
  sub_results?: SubResult[];
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

const MAX_RESULTS = 8;
let pagefind: Promise<Pagefind> | undefined;
let active = -1;
let searchRun = 0;
let wired = false;

function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: base });
    await module.init();
    return module;
  })();
  return pagefind;
}

/** The part of the page a result should open: the sub-section with the strongest match. */
function bestTarget(data: ResultData): SubResult | undefined {
  const score = (s: SubResult) => (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  return [...(data.sub_results ?? [])].sort((a, b) => score(b) - score(a))[0];
}

function renderResult(data: ResultData, index: number): HTMLLIElement {
  const target = bestTarget(data);
  // The link itself is the option (a listbox option may not contain another interactive element).
  const li = document.createElement('li');
  li.setAttribute('role', 'none');
  const link = document.createElement('a');
  link.id = `hb-result-${index}`;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.href = target?.url ?? data.url;
  link.tabIndex = -1;
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = data.meta.title ?? data.url;
  link.append(title);
  const where = [data.meta.section, target && target.title !== data.meta.title ? target.title : undefined].filter(Boolean).join(' › ');
  if (where) {
    const section = document.createElement('span');
    section.className = 'result-section';
    section.textContent = where;
    link.append(section);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'result-excerpt';
  // Pagefind escapes the page text and only adds <mark> around matches.
  excerpt.innerHTML = target?.excerpt ?? data.excerpt;
  link.append(excerpt);
  li.append(link);
  return li;
}

function setActive(input: HTMLInputElement, list: HTMLElement, index: number): void {
  const items = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  if (items.length === 0) return;
  active = (index + items.length) % items.length;
  items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
  input.setAttribute('aria-activedescendant', items[active]!.id);
  items[active]!.scrollIntoView({ block: 'nearest' });
}

async function runSearch(base: string, input: HTMLInputElement, list: HTMLElement, status: HTMLElement): Promise<void> {
  const query = input.value.trim();
  const run = ++searchRun;
  active = -1;
  input.removeAttribute('aria-activedescendant');
  if (query === '') {
    list.replaceChildren();
    status.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    return;
  }
  const engine = await loadPagefind(base);
  const search = await engine.search(query);
  const data = await Promise.all((search?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
  if (run !== searchRun) return;
  list.replaceChildren(...data.map(renderResult));
  input.setAttribute('aria-expanded', String(data.length > 0));
  status.textContent = data.length === 0 ? `No results for “${query}”.` : `${search?.results.length ?? 0} pages found.`;
}

function wire(root: HTMLElement, dialog: HTMLDialogElement): void {
  const base = root.dataset.base ?? '/';
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  const list = dialog.querySelector<HTMLElement>('.search-results')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void runSearch(base, input, list, status), 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(input, list, active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      // A search field would spend the first Escape on clearing itself; Escape always closes search here.
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'Enter') {
      const link = list.querySelectorAll<HTMLAnchorElement>('a[role="option"]')[Math.max(active, 0)];
      if (link) {
        event.preventDefault();
        dialog.close();
        link.click();
      }
    }
  });
  list.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) dialog.close();
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}

/** Opens the search dialog, optionally with a query already typed. */
export function openSearch(root: HTMLElement, query?: string): void {
  const dialog = root.querySelector<HTMLDialogElement>('dialog');
  if (!dialog) return;
  if (!wired) {
    wire(root, dialog);
    wired = true;
  }
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  if (!dialog.open) dialog.showModal();
  input.focus();
  if (query !== undefined && query !== '') {
    input.value = query;
    input.dispatchEvent(new Event('input'));
  } else {
    input.select();
  }
}
