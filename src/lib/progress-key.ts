/** Returns the `localStorage` key of the progress of the handbook served under `base` (its own module: page.ts needs only this). */
export function progressKey(base: string): string {
  return `hb-progress:${base}`;
}
