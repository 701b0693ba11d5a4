import { describe, expect, it } from 'vitest';
import { outputFileOf, pagesInOutputOrder } from '../../src/lib/output-order.ts';

describe('the order of the pages by their output files', () => {
  it('names the output file of a route as Astro writes it in directory format', () => {
    expect(outputFileOf('/')).toBe('index.html');
    expect(outputFileOf('/guide/docker/')).toBe('guide/docker/index.html');
  });

  it('sorts by the output file, not the route: a folder page after the pages in it, a hyphen before a slash', () => {
    const routes = ['/guide/', '/', '/guide-b/', '/guide/docker/', '/über-uns/', '/Zebra/', '/guide/compose/'];
    expect(pagesInOutputOrder(routes.map((route) => ({ route }))).map((page) => page.route)).toEqual([
      '/Zebra/',
      '/guide-b/',
      '/guide/compose/',
      '/guide/docker/',
      '/guide/',
      '/',
      '/über-uns/',
    ]);
    // The list given is left as it was.
    expect(routes[0]).toBe('/guide/');
  });
});
