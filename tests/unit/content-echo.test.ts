import type { EnvironmentModuleNode, HotUpdateOptions } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentEchoPlugin } from '../../src/integration/content-echo.ts';

const modules = [{ id: 'astro:asset-imports' } as EnvironmentModuleNode];

/** Runs the plugin's hot-update hook on a change of `file`, as Vite does after its watcher reported it. */
function hotUpdate(file: string): unknown {
  const hook = contentEchoPlugin('/project/.astro/').hotUpdate as (options: Partial<HotUpdateOptions>) => unknown;
  return hook({ type: 'update', file, modules, timestamp: 0 });
}

describe('contentEchoPlugin', () => {
  it("leaves Vite no module to reload for Astro's own writes of its data store and its content's image imports", () => {
    expect(hotUpdate('/project/.astro/content-assets.mjs')).toEqual([]);
    expect(hotUpdate('/project/.astro/data-store.json')).toEqual([]);
  });

  it('leaves every other change to Vite and Astro, the content modules Astro does not invalidate itself among them', () => {
    expect(hotUpdate('/project/.astro/content-modules.mjs')).toBeUndefined();
    expect(hotUpdate('/project/src/pages/[...slug].astro')).toBeUndefined();
    expect(hotUpdate('/elsewhere/.astro/content-assets.mjs')).toBeUndefined();
  });
});
