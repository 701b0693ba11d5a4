import { describe, expect, it } from 'vitest';
import { buildReport, countByRule, summaryLine } from '../../src/lib/build-summary.ts';
import { caseInsensitiveId, checkLinks, withFragment } from '../../src/lib/check-links.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { createPageIndex } from '../../src/lib/page-index.ts';
import { resolveLink } from '../../src/lib/resolve-link.ts';
import { respellHrefs } from '../../src/lib/respell-anchors.ts';
import { applyPolicy, parseStrictness, severityOf } from '../../src/lib/strictness.ts';
import { chooseTitle, fallbackTitleMessage, titleFromFileName } from '../../src/lib/titles.ts';

describe('titles', () => {
  it('prefers frontmatter, then the # H1, then the first heading, then the file name', () => {
    const file = 'exercises/aws-cloud-practitioner.md';
    expect(chooseTitle({ file, frontmatterTitle: 'FM', h1: 'H1', firstHeading: 'H2' })).toEqual({ title: 'FM', source: 'frontmatter' });
    expect(chooseTitle({ file, h1: 'H1', firstHeading: 'H1' })).toEqual({ title: 'H1', source: 'h1' });
    expect(chooseTitle({ file, firstHeading: 'Exercises' })).toEqual({ title: 'Exercises', source: 'heading' });
    expect(chooseTitle({ file })).toEqual({ title: 'aws cloud practitioner', source: 'file' });
  });
  it('names a README by its folder, without the ordering prefix', () => {
    expect(titleFromFileName('topics/My Exercises/README.md')).toBe('My Exercises');
    expect(titleFromFileName('06-infrastructure/readme.md')).toBe('infrastructure');
    expect(titleFromFileName('notes/02_setup_guide.md')).toBe('setup guide');
  });
  it('says which fallback title was used, and nothing for a real title', () => {
    expect(fallbackTitleMessage('Exercises', 'heading')).toContain('its first heading `Exercises` is used as the title');
    expect(fallbackTitleMessage('setup guide', 'file')).toContain('the title `setup guide` is made from its file name');
    expect(fallbackTitleMessage('T', 'h1')).toBeUndefined();
  });
});

describe('strictness', () => {
  const d = (rule: Diagnostic['rule']): Diagnostic => ({ file: 'a.md', rule, severity: 'error', message: 'm' });
  it('makes fallback titles and empty pages warnings by default and errors when strict', () => {
    for (const rule of ['missing-title', 'empty-file'] as const) {
      expect(severityOf(rule, { strictness: 'default', links: 'error' })).toBe('warning');
      expect(severityOf(rule, { strictness: 'strict', links: 'error' })).toBe('error');
    }
  });
  it('makes broken links warnings only when lenient or with HANDBOOK_LINKS=warn', () => {
    expect(severityOf('missing-heading', { strictness: 'default', links: 'error' })).toBe('error');
    expect(severityOf('missing-heading', { strictness: 'lenient', links: 'error' })).toBe('warning');
    expect(severityOf('missing-file', { strictness: 'strict', links: 'warn' })).toBe('warning');
  });
  it('keeps problems without a safe fallback errors even when lenient', () => {
    for (const rule of ['duplicate-route', 'invalid-encoding', 'malformed-frontmatter', 'mdx-syntax'] as const) {
      expect(severityOf(rule, { strictness: 'lenient', links: 'warn' })).toBe('error');
    }
  });
  it('applies the policy to a list and reads HANDBOOK_STRICT', () => {
    expect(
      applyPolicy([d('unknown-frontmatter-key'), d('duplicate-route')], { strictness: 'lenient', links: 'error' }).map((x) => x.severity),
    ).toEqual(['warning', 'error']);
    expect([parseStrictness(undefined), parseStrictness('true'), parseStrictness('FALSE')]).toEqual(['default', 'strict', 'lenient']);
    expect(() => parseStrictness('maybe')).toThrow(/HANDBOOK_STRICT/);
  });
});

describe('case-insensitive anchors', () => {
  const index = createPageIndex(['a.md', 'b.md']);
  const link = (from: string, url: string) => ({
    url,
    kind: 'link' as const,
    line: 3,
    column: 1,
    target: resolveLink({ from, url, base: '/handbook/', isDir: () => false }),
  });
  it('accepts a fragment that matches a heading id when case is ignored, and records how to respell it', () => {
    const result = checkLinks(
      [
        { file: 'a.md', ids: ['misc', 'openshift-101'], links: [link('a.md', '#Misc'), link('a.md', './b.md#Setup-Guide')] },
        { file: 'b.md', ids: ['setup-guide'], links: [link('b.md', './a.md#Openshift-101'), link('b.md', '#nope')] },
      ],
      index,
      'error',
    );
    expect(result.anchorFixes).toEqual([
      { file: 'a.md', href: '#Misc', fixed: '#misc' },
      { file: 'a.md', href: '/handbook/b/#Setup-Guide', fixed: '/handbook/b/#setup-guide' },
      { file: 'b.md', href: '/handbook/a/#Openshift-101', fixed: '/handbook/a/#openshift-101' },
    ]);
    expect(result.diagnostics.map((x) => x.rule)).toEqual(['missing-heading']);
  });
  it('finds ids in other scripts and replaces only the fragment', () => {
    expect(caseInsensitiveId('ПРИМЕР', new Set(['пример']))).toBe('пример');
    expect(caseInsensitiveId('x', new Set(['y']))).toBeUndefined();
    expect(withFragment('/a/?q=1#X', 'x')).toBe('/a/?q=1#x');
    expect(withFragment('/ru/#Основы', 'основы')).toBe('/ru/#%D0%BE%D1%81%D0%BD%D0%BE%D0%B2%D1%8B');
  });
  it('respells exactly the matching href attributes, entities decoded', () => {
    const html = '<a href="#Misc">a</a><a href="#Misc-2">b</a><a href="/x/?a=1&#x26;b=2#Top">c</a><p>#Misc</p>';
    const out = respellHrefs(html, [
      { href: '#Misc', fixed: '#misc' },
      { href: '/x/?a=1&b=2#Top', fixed: '/x/?a=1&b=2#top' },
    ]);
    expect(out).toBe('<a href="#misc">a</a><a href="#Misc-2">b</a><a href="/x/?a=1&amp;b=2#top">c</a><p>#Misc</p>');
    expect(respellHrefs('<a href="/ru/#%D0%9E%D1%81">x</a>', [{ href: '/ru/#Ос', fixed: '/ru/#%D0%BE%D1%81' }])).toBe(
      '<a href="/ru/#%D0%BE%D1%81">x</a>',
    );
  });
});

describe('build summary', () => {
  const problems: Diagnostic[] = [
    { file: 'b.md', rule: 'missing-title', severity: 'warning', message: 'x' },
    { file: 'a.md', rule: 'empty-file', severity: 'warning', message: 'y' },
    { file: 'c.md', rule: 'missing-title', severity: 'warning', message: 'z' },
  ];
  it('says what was built, how long it took and the problems by rule', () => {
    expect(summaryLine({ pages: 290, linkedFiles: 1204, indexedWords: 9310 }, [], 41.23)).toBe(
      'Built 290 pages, 1,204 linked files, search index over 9,310 words in 41.2 s.',
    );
    expect(summaryLine({ pages: 2, linkedFiles: 0, indexedWords: 10, searchExtraBytes: 11_450 }, [], 1)).toBe(
      'Built 2 pages, 0 linked files, search index over 10 words and 11,450 bytes of search vocabulary and titles in 1.0 s.',
    );
    expect(summaryLine({ pages: 1, linkedFiles: 1, indexedWords: 1 }, problems, 2)).toBe(
      'Built 1 page, 1 linked file, search index over 1 word in 2.0 s; 3 warnings: 1 empty-file, 2 missing-title.',
    );
  });
  it('writes a JSON report with counts by rule and the problems sorted', () => {
    expect(countByRule(problems)).toEqual({ 'empty-file': 1, 'missing-title': 2 });
    const report = buildReport({ ok: true, counts: { pages: 3, linkedFiles: 0, indexedWords: 10 }, problems }) as {
      problems: Diagnostic[];
    };
    expect(report).toMatchObject({ ok: true, pages: 3, errors: 0, warnings: 3 });
    expect(report.problems.map((p) => p.file)).toEqual(['a.md', 'b.md', 'c.md']);
  });
});
