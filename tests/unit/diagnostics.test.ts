import { describe, expect, it } from 'vitest';
import { diagnostic, formatDiagnostic, formatReport } from '../../src/lib/diagnostics.ts';
import { readSiteConfig, editUrl, normalizeBase } from '../../src/lib/site-config.ts';

describe('diagnostics', () => {
  it('formats path:line:column rule-id message', () => {
    const d = diagnostic({
      file: 'content/a.md',
      line: 5,
      column: 6,
      rule: 'missing-file',
      severity: 'error',
      message: 'cannot find `./b.md`',
    });
    expect(formatDiagnostic(d)).toBe(
      'content/a.md:5:6 missing-file cannot find `./b.md` (fix: link the page or file by its path relative to this page)',
    );
  });
  it('formats the path alone where no line applies', () => {
    expect(formatDiagnostic({ file: 'content/a.md', rule: 'empty-file', severity: 'error', message: 'the page is empty' })).toBe(
      'content/a.md empty-file the page is empty',
    );
  });
  it('sorts by path and line and ends with a count', () => {
    const report = formatReport([
      { file: 'b.md', line: 1, rule: 'missing-file', severity: 'error', message: 'x' },
      { file: 'a.md', line: 9, rule: 'missing-file', severity: 'error', message: 'y' },
      { file: 'a.md', line: 2, rule: 'missing-heading', severity: 'warning', message: 'z' },
    ]).split('\n');
    expect(report).toEqual([
      'a.md:2:1 missing-heading z',
      'a.md:9:1 missing-file y',
      'b.md:1:1 missing-file x',
      '2 errors, 1 warning in the content.',
    ]);
  });
});

describe('site config', () => {
  it('knows no public origin unless HANDBOOK_SITE is set, and drops its trailing slash', () => {
    expect(readSiteConfig({}, '/repo').site).toBeUndefined();
    expect(readSiteConfig({ HANDBOOK_SITE: ' ' }, '/repo').site).toBeUndefined();
    expect(readSiteConfig({ HANDBOOK_SITE: 'https://docs.example.org/' }, '/repo').site).toBe('https://docs.example.org');
  });
  it('defaults to content/ and the root base', () => {
    const config = readSiteConfig({}, '/repo');
    expect(config).toMatchObject({ contentRoot: '/repo/content', base: '/', links: 'error', repoUrl: undefined });
  });
  it('reads a relative content root, a sub-path base and warn mode', () => {
    const config = readSiteConfig({ HANDBOOK_CONTENT: 'docs', HANDBOOK_BASE: 'handbook', HANDBOOK_LINKS: 'warn' }, '/repo');
    expect(config).toMatchObject({ contentRoot: '/repo/docs', base: '/handbook/', links: 'warn' });
  });
  it('rejects an unknown link mode', () => {
    expect(() => readSiteConfig({ HANDBOOK_LINKS: 'loose' }, '/repo')).toThrow(/HANDBOOK_LINKS/);
  });
  it('normalizes base paths', () => {
    expect(normalizeBase('/docs')).toBe('/docs/');
    expect(normalizeBase('')).toBe('/');
  });
  it('builds edit links only when a repository is set', () => {
    expect(editUrl({ repoUrl: undefined, repoBranch: 'main', repoContentPath: 'content' }, 'a.md')).toBeUndefined();
    expect(editUrl({ repoUrl: 'https://github.com/o/r', repoBranch: 'main', repoContentPath: 'content' }, '06-x/My Page.md')).toBe(
      'https://github.com/o/r/edit/main/content/06-x/My%20Page.md',
    );
  });
});
