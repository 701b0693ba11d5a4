import { isOfflineMessage, type OfflineMessage, offlineStatusText } from '../lib/offline-status.ts';
import { applyOfflineHold } from './offline-hold.ts';

// A status region read out on every change: progress is shown at most this often, so it stays quiet.
const QUIET_MS = 1500;

function statusWriter(status: HTMLElement) {
  let last = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let latest: OfflineMessage | undefined;
  const show = () => {
    pending = undefined;
    last = Date.now();
    if (latest && status.dataset.state !== 'update') status.textContent = offlineStatusText(latest);
  };
  return (message: OfflineMessage) => {
    latest = message;
    if (message.type !== 'progress' || Date.now() - last >= QUIET_MS) {
      clearTimeout(pending);
      show();
    } else pending ??= setTimeout(show, QUIET_MS - (Date.now() - last));
  };
}

function offerReload(status: HTMLElement, waiting: ServiceWorker | null, asked: { reload: boolean }): void {
  status.dataset.state = 'update';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'offline-reload';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    asked.reload = true;
    // The waiting worker takes over (and deletes the old cache); the page reloads when it does.
    if (waiting) waiting.postMessage({ type: 'activate' });
    else location.reload();
  });
  status.replaceChildren('A new version of the handbook is available: ', button);
}

/** Registers the service worker and keeps the status region up to date: saving, available, new version. */
export async function initOffline(status: HTMLElement): Promise<void> {
  const container = navigator.serviceWorker;
  const write = statusWriter(status);
  const hadController = container.controller !== null;
  const asked = { reload: false };
  container.addEventListener('message', (event) => {
    if (isOfflineMessage(event.data)) write(event.data);
  });
  container.addEventListener('controllerchange', () => {
    if (asked.reload) location.reload();
    // Another tab switched to the new version: this page is of the old one, so offer the reload.
    else if (hadController) offerReload(status, null, asked);
  });
  const registration = await container.register(status.dataset.sw ?? 'sw.js', { scope: status.dataset.scope ?? './' });
  applyOfflineHold(registration);
  const watch = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && container.controller) offerReload(status, worker, asked);
    });
  };
  registration.addEventListener('updatefound', () => watch(registration.installing));
  watch(registration.installing);
  // The browser looks for a new sw.js on navigation too; asking here makes every online visit check.
  if (container.controller) registration.update().catch(() => undefined);
  if (registration.waiting && container.controller) offerReload(status, registration.waiting, asked);
  else if (registration.active && !registration.installing) registration.active.postMessage({ type: 'status' });
}
