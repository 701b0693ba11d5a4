import { describe, expect, it } from 'vitest';
import { findRouteCollisions, isReadme, orderPrefix, toAssetPath, toRoute, withBase, reservedRouteUse } from '../../src/lib/routes.ts';

describe('toRoute', () => {
  it('maps a folder README to the folder route with the order prefix stripped', () => {
    expect(toRoute('06-infrastructure/docker/README.md')).toBe('/infrastructure/docker/');
  });
  it('maps an upper-case file name to a lowercase route', () => {
    expect(toRoute('06-infrastructure/RESOURCES.md')).toBe('/infrastructure/resources/');
  });
  it('turns underscores into dashes', () => {
    expect(toRoute('09-ai-ml/MLOPS_GUIDE.md')).toBe('/ai-ml/mlops-guide/');
  });
  it('maps the top-level README to the home page', () => {
    expect(toRoute('README.md')).toBe('/');
  });
  it('treats README in any case and .mdx as an index', () => {
    expect(toRoute('a/readme.md')).toBe('/a/');
    expect(toRoute('a/ReadMe.mdx')).toBe('/a/');
    expect(isReadme('a/README.MD')).toBe(true);
  });
  it('slugs spaces and punctuation like GitHub', () => {
    expect(toRoute('01 Getting Started/Hello, World!.md')).toBe('/getting-started/hello-world/');
  });
  it('keeps a name that is only digits', () => {
    expect(toRoute('2024.md')).toBe('/2024/');
  });
  it('falls back to a name when nothing sluggable is left', () => {
    expect(toRoute('🎉.md')).toBe('/untitled/');
  });
});

describe('orderPrefix', () => {
  it('reads the numeric prefix', () => {
    expect(orderPrefix('06-infrastructure')).toBe(6);
    expect(orderPrefix('10_domain')).toBe(10);
  });
  it('returns undefined without a prefix', () => {
    expect(orderPrefix('docker')).toBeUndefined();
    expect(orderPrefix('2024')).toBeUndefined();
  });
});

describe('toAssetPath', () => {
  it('maps folders like routes and keeps the file name', () => {
    expect(toAssetPath('06-infrastructure/docker/Layers Diagram.svg')).toBe('/infrastructure/docker/Layers%20Diagram.svg');
  });
});

describe('findRouteCollisions', () => {
  it('names both files that map to one route', () => {
    const collisions = findRouteCollisions(['a/docker.md', 'a/docker/README.md', 'a/other.md']);
    expect([...collisions]).toEqual([['/a/docker/', ['a/docker.md', 'a/docker/README.md']]]);
  });
  it('finds prefix-only differences', () => {
    expect([...findRouteCollisions(['01-x/README.md', 'x/README.md', 'y.md'])]).toEqual([['/x/', ['01-x/README.md', 'x/README.md']]]);
  });
});

describe('withBase', () => {
  it('joins a sub-path base and a route', () => {
    expect(withBase('/handbook/', '/infrastructure/')).toBe('/handbook/infrastructure/');
    expect(withBase('/', '/infrastructure/')).toBe('/infrastructure/');
  });
});

describe('reservedRouteUse', () => {
  it('names the generator page a content page would collide with', () => {
    expect(reservedRouteUse('search.md')).toBe('the search page');
    expect(reservedRouteUse('Search/README.md')).toBe('the search page');
    expect(reservedRouteUse('guide/search.md')).toBeUndefined();
  });
});
