/** A message from the service worker about the offline copy (see src/integration/service-worker.js). */
export type OfflineMessage =
  | { type: 'progress'; version: string; done: number; total: number }
  | { type: 'ready'; version: string; files: number; bytes: number }
  | { type: 'failed'; version: string; done: number; total: number };

/** Returns a byte count for people: `840 B`, `12 KB`, `4.2 MB` (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Returns the sentence the page's status region shows for a message of the service worker. */
export function offlineStatusText(message: OfflineMessage): string {
  switch (message.type) {
    case 'progress':
      return `Saving for offline: ${message.done} of ${message.total} files`;
    case 'ready':
      return `Available offline · ${formatBytes(message.bytes)}`;
    case 'failed':
      return `Saving for offline stopped at ${message.done} of ${message.total} files; it starts again on your next visit`;
  }
}

/** Returns whether a value posted to the page is one of the service worker's offline messages. */
export function isOfflineMessage(value: unknown): value is OfflineMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'progress' || type === 'ready' || type === 'failed';
}
