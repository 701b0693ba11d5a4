import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/build.ts';

const tree = mkdtempSync(join(tmpdir(), 'handbook-new-'));
cpSync(fixture('site'), tree, { recursive: true });
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const runNew = (args: string[], input = '') =>
  spawnSync(process.execPath, ['scripts/new.ts', ...args], {
    env: { ...process.env, HANDBOOK_CONTENT: tree, HANDBOOK_BASE: '/handbook/' },
    input,
    encoding: 'utf8',
  });

describe('npm run new', () => {
  it('scaffolds a page after its ordered siblings with its folder README as prerequisite, and prints its URL', () => {
    const run = runNew(['01-guide/docker/volumes', 'Docker volumes']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('open http://localhost:4321/handbook/guide/docker/volumes/');
    const text = readFileSync(join(tree, '01-guide/docker/volumes.md'), 'utf8');
    expect(text).toMatch(/^---\ndescription: .+\nlevel: beginner.*\nprerequisites:\n {2}- \.\/README\.md\n---\n\n# Docker volumes\n/);
  });

  it('asks for the path and title when they are missing', () => {
    const run = runNew([], 'notes.md\nQuick notes\n');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(tree, 'notes.md'), 'utf8')).toContain('\n# Quick notes\n');
  });

  it('refuses to overwrite a page or to take the route of another, and writes nothing', () => {
    const before = readFileSync(join(tree, '01-guide/docker/volumes.md'), 'utf8');
    const again = runNew(['01-guide/docker/volumes.md', 'Again']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Nothing was written: `01-guide/docker/volumes.md` already exists; edit it instead.');
    expect(readFileSync(join(tree, '01-guide/docker/volumes.md'), 'utf8')).toBe(before);
    const clash = runNew(['01-guide/docker.md', 'Docker again']);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain('would have the route /guide/docker/ of `01-guide/docker/README.md`');
  });

  it('refuses a path outside the content root', () => {
    const run = runNew(['../escape.md', 'Escape']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is outside the content root');
  });
});
