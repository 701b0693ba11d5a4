import { progressKey } from '../lib/progress-key.ts';
import { initSearchTriggers } from './search-trigger.ts';

const THEME_KEY = 'hb-theme';

function currentTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const show = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  show();
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    show();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
}

function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('.menu-button');
  const panel = document.getElementById('hb-sidebar');
  if (!button || !panel) return;
  const setOpen = (open: boolean, focus: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('open', open);
    if (open && focus) (panel.querySelector<HTMLElement>('[aria-current="page"]') ?? panel.querySelector<HTMLElement>('a'))?.focus();
    if (!open && focus) button.focus();
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true', true));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.classList.contains('open')) setOpen(false, true);
  });
  document.addEventListener('click', (event) => {
    const target = event.target as Node;
    if (panel.classList.contains('open') && !panel.contains(target) && !button.contains(target)) setOpen(false, false);
  });
}

function initCopyButtons(): void {
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);
  document.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-copy]');
    const code = button?.closest('.code-block')?.querySelector('pre');
    if (!button || !code) return;
    try {
      await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ''));
      button.textContent = 'Copied';
      status.textContent = 'Code copied to the clipboard.';
    } catch {
      button.textContent = 'Copy failed';
      status.textContent = 'The browser did not allow copying; select the code and copy it by hand.';
    }
    setTimeout(() => {
      button.textContent = 'Copy';
      status.textContent = '';
    }, 2000);
  });
}

/** Lands on a heading whose id matches the address's fragment only when case is ignored, as GitHub does. */
function initFragmentCase(): void {
  const land = () => {
    let hash = location.hash.slice(1);
    try {
      hash = decodeURIComponent(hash);
    } catch {
      // A malformed escape: compare the fragment as written.
    }
    if (!hash || document.getElementById(hash)) return;
    const wanted = hash.toLowerCase();
    const target = [...document.querySelectorAll('[id]')].find((el) => el.id.toLowerCase() === wanted);
    if (!target) return;
    history.replaceState(history.state, '', `#${encodeURIComponent(target.id)}`);
    target.scrollIntoView();
  };
  land();
  addEventListener('hashchange', land);
}

// The offline copy starts after the page has loaded, from its own module, so it never delays reading.
function initOfflineAfterLoad(): void {
  const status = document.querySelector<HTMLElement>('.offline-status[data-sw]');
  if (!status || !('serviceWorker' in navigator)) return;
  const start = () => void import('./offline.ts').then((offline) => offline.initOffline(status));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

const PROGRESS_CONTROLS = '[data-progress-toggle],[data-progress-export],[data-progress-clear]';

// Progress code loads on first use: at once when this browser has progress to show, else on the first click of a control.
function initProgressOnUse(): void {
  let stored = false;
  try {
    stored = localStorage.getItem(progressKey(document.getElementById('hb-sidebar')?.dataset.base ?? '/')) !== null;
  } catch {
    // Storage refused: the first click loads the code, which says so.
  }
  let loading: Promise<typeof import('./progress.ts')> | undefined;
  const load = () => (loading ??= import('./progress.ts').then((progress) => (progress.initProgress(), progress)));
  if (stored) {
    void load();
    return;
  }
  document.addEventListener('click', (event) => {
    const control = (event.target as Element).closest<HTMLElement>(PROGRESS_CONTROLS);
    if (!control || loading) return;
    void load().then(() => control.click());
  });
  document.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (!loading && input.matches('[data-progress-import]')) void load().then((progress) => progress.importFile(input));
  });
}

/** Wires the page's interactive parts: search shortcuts, theme toggle, menu, copy buttons, fragment landing, the offline copy and progress. */
export function initPage(): void {
  initSearchTriggers();
  initThemeToggle();
  initMenu();
  initCopyButtons();
  initFragmentCase();
  initOfflineAfterLoad();
  initProgressOnUse();
}
