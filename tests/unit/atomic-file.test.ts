import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkFileWhole, writeFileWhole } from '../../src/data/atomic-file.ts';

const dirs: string[] = [];
const folder = (parent = tmpdir()) => {
  const dir = mkdtempSync(join(parent, 'handbook-atomic-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('files written whole', () => {
  it('replaces a file with the new content and leaves no partial file beside it', () => {
    const dir = folder();
    writeFileWhole(join(dir, 'a.json'), 'old');
    writeFileWhole(join(dir, 'a.json'), 'new');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('gives a file a second name on the same file system, replacing what had that name', () => {
    const dir = folder();
    writeFileSync(join(dir, 'built'), 'fragment');
    writeFileSync(join(dir, 'kept'), 'stale');
    linkFileWhole(join(dir, 'built'), join(dir, 'kept'));
    expect(readFileSync(join(dir, 'kept'), 'utf8')).toBe('fragment');
    expect(statSync(join(dir, 'kept')).ino).toBe(statSync(join(dir, 'built')).ino);
    expect(readdirSync(dir).sort()).toEqual(['built', 'kept']);
  });

  it('copies the file when the two folders are on different file systems (tmpfs and the temporary folder)', () => {
    expect(existsSync('/dev/shm')).toBe(true);
    const from = folder('/dev/shm');
    const to = folder();
    expect(statSync(from).dev).not.toBe(statSync(to).dev);
    writeFileSync(join(from, 'built'), 'fragment');
    linkFileWhole(join(from, 'built'), join(to, 'kept'));
    expect(readFileSync(join(to, 'kept'), 'utf8')).toBe('fragment');
    expect(readdirSync(to)).toEqual(['kept']);
  });
});
