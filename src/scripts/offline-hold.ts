// Search and the offline copy share this state: search holds the copy while its results load.

// As long as the service worker keeps a hold (service-worker.js, HOLD_MS).
const HOLD_MS = 3000;
let heldUntil = 0;

function tell(registration: ServiceWorkerRegistration | undefined, hold: boolean): void {
  registration?.installing?.postMessage({ type: hold ? 'hold' : 'release' });
}

/**
 * Asks the offline copy being saved (a first visit's, or a new version's) to pause between files, or to go on.
 * A hold lapses by itself after a few seconds, in the service worker and here.
 */
export function holdOfflineCopy(hold: boolean): void {
  if (hold === heldUntil > performance.now()) return;
  heldUntil = hold ? performance.now() + HOLD_MS : 0;
  // Absent on an insecure origin, where there is no offline copy to hold.
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.getRegistration().then(
    (registration) => tell(registration, hold),
    () => undefined,
  );
}

/** Passes on a hold that search asked for before the service worker was registered, to the worker now installing. */
export function applyOfflineHold(registration: ServiceWorkerRegistration): void {
  if (heldUntil > performance.now()) tell(registration, true);
}
