import type { Plugin } from 'vite';
import type { SiteConfig } from '../lib/site-config.ts';

const ID = 'virtual:handbook/config';
const RESOLVED = `\0${ID}`;

/**
 * A Vite plugin serving the build's resolved configuration as `virtual:handbook/config`, so pages,
 * layouts and the content collection read the one configuration `handbook()` resolved, never the environment.
 */
export function configModulePlugin(config: SiteConfig): Plugin {
  return {
    name: 'handbook:config',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export const config = ${JSON.stringify(config)};\n` : undefined),
  };
}
