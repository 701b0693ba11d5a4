import type { Plugin } from 'vite';
import { buildState } from '../data/store.ts';
import { toRoute } from '../lib/routes.ts';

const ID = 'virtual:handbook/moved-routes';
const RESOLVED = `\0${ID}`;

/** Returns former route → current route for every page listing `movedFrom`, in a stable order. */
export function movedRoutes(moved: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries([...moved].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([from, file]) => [from, toRoute(file)]));
}

/** A Vite plugin serving the moved pages' routes to the progress code, so progress kept under a former route follows the page. */
export function movedRoutesPlugin(): Plugin {
  return {
    name: 'handbook:moved-routes',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(movedRoutes(buildState().moved))};` : undefined),
  };
}
