import { describe, expect, it } from 'vitest';
import { checkSource, renderedBody } from '../../src/lib/check-source.ts';
import { createPageIndex } from '../../src/lib/page-index.ts';

const index = createPageIndex(['README.md', 'docker/README.md', 'docker/compose.md']);
const check = (text: string | Uint8Array, file = 'docker/compose.md') =>
  checkSource(file, typeof text === 'string' ? new TextEncoder().encode(text) : text, index);

describe('checkSource', () => {
  it('passes a valid page and returns its frontmatter', () => {
    expect(check('---\nlevel: beginner\nprerequisites:\n  - ./README.md\n---\n# Compose\n')).toMatchObject({
      fatal: false,
      diagnostics: [],
      frontmatter: { level: 'beginner' },
    });
  });
  it('reports a file that is not UTF-8 as fatal, with the path alone', () => {
    const result = check(new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    expect(result.fatal).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'invalid-encoding' })]);
    expect(result.diagnostics[0]?.line).toBeUndefined();
  });
  it('reports an empty file', () => {
    expect(check('  \n\n').diagnostics[0]?.rule).toBe('empty-file');
  });
  it('reports malformed YAML as fatal with its line', () => {
    const result = check('---\ntitle: [x\n---\n# T\n');
    expect(result).toMatchObject({ fatal: true, diagnostics: [{ rule: 'malformed-frontmatter', line: 3 }] });
  });
  it('reports an unknown key on its line and keeps the page renderable', () => {
    const result = check('---\nlevel: beginner\ntitel: x\n---\n# T\n');
    expect(result.fatal).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'unknown-frontmatter-key', line: 3 })]);
  });
  it('reports a prerequisite that names no page, on its list line, with a suggestion', () => {
    const result = check('---\nprerequisites:\n  - ./README.md\n  - ./compse.md\n---\n# T\n');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'missing-prerequisite', line: 4, message: expect.stringContaining('did you mean `./compose.md`?') }),
    ]);
  });
  it('accepts a prerequisite that names a folder with a README', () => {
    expect(check('---\nprerequisites: [../docker/]\n---\n# T\n').diagnostics).toEqual([]);
  });
});

describe('checkSource on MDX pages', () => {
  const mdx = (text: string) =>
    checkSource('docs/page.mdx', new TextEncoder().encode(text), index, {
      absPath: '/repo/content/docs/page.mdx',
      componentsDir: '/repo/src/components',
    });

  it('accepts an import from src/components/', () => {
    expect(mdx("import Card from '../../src/components/Card.astro';\n\n# Page\n").diagnostics).toEqual([]);
  });
  it('rejects other imports and any export, on their lines after the frontmatter', () => {
    const result = mdx("---\nlevel: beginner\n---\nimport fs from 'node:fs';\nexport const x = 1;\n\n# Page\n");
    expect(result.fatal).toBe(true);
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['mdx-import', 4],
      ['mdx-export', 5],
    ]);
  });
  it('reports an MDX syntax error with its line and column', () => {
    const result = mdx('# Page\n\nText {unclosed\n');
    expect(result).toMatchObject({ fatal: true, diagnostics: [{ rule: 'mdx-syntax', line: 3 }] });
  });
});

describe('the body Astro renders', () => {
  it('starts after the frontmatter and the blank lines Astro trims, so body line + offset is the file line', () => {
    const text = '---\nlevel: beginner\n---\n\n\n# Home\n\n[x](./y.md)\n';
    const { body, lineOffset } = renderedBody(text, 3);
    expect(body).toBe('# Home\n\n[x](./y.md)');
    expect(lineOffset).toBe(5);
    expect(text.split('\n')[lineOffset + 2]).toBe('[x](./y.md)');
  });

  it('counts leading blank lines of a page without frontmatter', () => {
    expect(renderedBody('\n\n# Home\n', 0)).toEqual({ body: '# Home', lineOffset: 2 });
    expect(renderedBody('# Home\n', 0)).toEqual({ body: '# Home', lineOffset: 0 });
  });

  it('is what checkSource reports as the body line offset', () => {
    expect(check('---\ntitle: A\n---\n\n# A\n', 'README.md').bodyLineOffset).toBe(4);
  });
});
