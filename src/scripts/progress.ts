import moved from 'virtual:handbook/moved-routes';
import { countDone, migrateMoved, parseProgress, readStored, serializeProgress, setDone } from '../lib/progress.ts';
import { progressKey } from '../lib/progress-key.ts';

// Loaded on first use (a stored progress, a click on "Mark as done", or the learning path page): see page.ts.

const base = document.getElementById('hb-sidebar')?.dataset.base ?? '/';
const key = progressKey(base);
const routeOf = (href: string) => {
  const path = new URL(href, location.href).pathname;
  return path.startsWith(base) ? `/${path.slice(base.length)}` : path;
};

function load(): Set<string> {
  try {
    return migrateMoved(readStored(localStorage.getItem(key)), moved);
  } catch {
    return new Set();
  }
}

function save(done: Set<string>): void {
  try {
    localStorage.setItem(key, serializeProgress(done));
  } catch {
    say('This browser does not let the handbook keep your progress (private window or storage full).');
  }
}

function say(text: string): void {
  const status = document.querySelector('[data-progress-status]');
  if (status) status.textContent = text;
}

function mark(el: Element, on: boolean): void {
  el.classList.toggle('done', on);
  const existing = el.querySelector(':scope > .done-mark');
  if (on && !existing && !(el instanceof SVGElement))
    el.insertAdjacentHTML(
      'beforeend',
      '<span class="done-mark"><span aria-hidden="true"> ✓</span><span class="visually-hidden"> (done)</span></span>',
    );
  if (!on) existing?.remove();
}

/** Shows the progress everywhere on the page: the button, the sidebar, the learning path's list, drawing and counts. */
function show(done: Set<string>): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-progress-toggle]')) {
    const on = done.has(button.dataset.route ?? '');
    button.setAttribute('aria-pressed', String(on));
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#hb-sidebar a[href]')) mark(link, done.has(routeOf(link.href)));
  for (const item of document.querySelectorAll<HTMLElement>('[data-route]:not([data-progress-toggle])'))
    mark(item, done.has(item.dataset.route!));
  for (const group of document.querySelectorAll<HTMLElement>('[data-progress-count]')) {
    const routes = [...group.querySelectorAll<HTMLElement>('li[data-route]')].map((li) => li.dataset.route!);
    const count = countDone(done, routes);
    const out = group.querySelector('[data-progress-text]');
    if (out) out.textContent = `${count.done} of ${count.total} done (${count.percent}%)`;
  }
}

function download(done: Set<string>): void {
  const url = URL.createObjectURL(new Blob([serializeProgress(done)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'handbook-progress.json' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Imports a progress file chosen in the file input; a malformed or foreign file changes nothing and says why. */
export async function importFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const parsed = parseProgress(await file.text());
  if (!parsed.ok) {
    say(`Nothing was imported from ${file.name}: ${parsed.error}`);
    return;
  }
  const done = new Set([...load(), ...migrateMoved(parsed.done, moved)]);
  save(done);
  show(done);
  say(`Imported ${parsed.done.size} done ${parsed.done.size === 1 ? 'page' : 'pages'} from ${file.name}.`);
}

/** Wires the progress controls of the page and shows the stored progress. */
export function initProgress(): void {
  show(load());
  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    const toggle = target.closest<HTMLButtonElement>('[data-progress-toggle]');
    if (toggle) {
      const done = setDone(load(), toggle.dataset.route!, toggle.getAttribute('aria-pressed') !== 'true');
      save(done);
      show(done);
    } else if (target.closest('[data-progress-export]')) download(load());
    else if (target.closest('[data-progress-clear]') && confirm('Forget every page marked as done in this browser?')) {
      save(new Set());
      show(new Set());
      say('Progress cleared.');
    }
  });
  document
    .querySelector<HTMLInputElement>('[data-progress-import]')
    ?.addEventListener('change', (event) => void importFile(event.target as HTMLInputElement));
  addEventListener('storage', (event) => {
    if (event.key === key) show(load());
  });
}
