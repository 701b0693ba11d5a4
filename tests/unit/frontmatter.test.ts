import { describe, expect, it } from 'vitest';
import { validateFrontmatter, validFields } from '../../src/lib/frontmatter.ts';
import { parseFrontmatterSource } from '../../src/lib/frontmatter-source.ts';

describe('validateFrontmatter', () => {
  it('accepts every known field', () => {
    const data = {
      title: 'T',
      description: 'D',
      order: 2,
      draft: false,
      aliases: ['k8s'],
      tags: ['x'],
      level: 'beginner',
      prerequisites: ['../a.md'],
    };
    expect(validateFrontmatter(data)).toEqual({ ok: true, data });
  });
  it('accepts a page without frontmatter', () => {
    expect(validateFrontmatter(undefined)).toEqual({ ok: true, data: {} });
  });
  it('names an unknown key and suggests the closest known one', () => {
    const result = validateFrontmatter({ titel: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        expect.objectContaining({
          key: 'titel',
          rule: 'unknown-frontmatter-key',
          message: expect.stringContaining('did you mean `title`?'),
        }),
      ]);
  });
  it('rejects a level outside the allowed values and shows the value', () => {
    const result = validateFrontmatter({ level: 'expert' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toBe('`level`: expected one of "beginner", "intermediate", "advanced", got "expert"');
  });
  it('rejects a wrong type', () => {
    const result = validateFrontmatter({ order: 'first' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ key: 'order', rule: 'invalid-frontmatter' });
  });
});

describe('parseFrontmatterSource', () => {
  it('returns data with the file line of each key and list item', () => {
    const parsed = parseFrontmatterSource('---\ntitle: x\nprerequisites:\n  - a.md\n  - b.md\n---\n# Hi\n');
    expect(parsed).toMatchObject({ ok: true, data: { title: 'x', prerequisites: ['a.md', 'b.md'] }, bodyLineOffset: 6 });
    if (parsed.ok) {
      expect(parsed.keyLines.get('prerequisites')).toBe(3);
      expect(parsed.itemLines.get('prerequisites')).toEqual([4, 5]);
    }
  });
  it('reports malformed YAML with its file line', () => {
    expect(parseFrontmatterSource('---\ntitle: ok\ntags: [a\nlevel: x\n---\n')).toMatchObject({ ok: false, line: 4 });
  });
  it('reports frontmatter that is never closed', () => {
    expect(parseFrontmatterSource('---\ntitle: x\n# body')).toMatchObject({ ok: false, line: 1 });
  });
  it('treats a page without frontmatter as valid', () => {
    expect(parseFrontmatterSource('# Title\n')).toMatchObject({ ok: true, data: undefined, bodyLineOffset: 0 });
  });
});

describe('validFields', () => {
  it('keeps the valid fields of invalid frontmatter', () => {
    expect(validFields({ title: 'Home', level: 'expert', sumary: 'x', order: 3 })).toEqual({ title: 'Home', order: 3 });
  });
});
