import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeArgsOfScript } from '../../scripts/node-args.ts';

function project(scripts: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'node-args-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts }));
  return root;
}

describe('nodeArgsOfScript', () => {
  it("returns a script's Node flags, file and arguments, in order", () => {
    const root = project({ check: 'node  --liftoff-only scripts/check.ts --no-code' });
    expect(nodeArgsOfScript('check', root)).toEqual(['--liftoff-only', 'scripts/check.ts', '--no-code']);
  });

  it('refuses a script that is not a plain node command, naming it', () => {
    const root = project({ start: 'npm run build && npm run preview', bare: 'node' });
    expect(() => nodeArgsOfScript('start', root)).toThrow(/"start" must be a plain `node \[flags\] <file>` command/);
    expect(() => nodeArgsOfScript('bare', root)).toThrow(/"bare"/);
    expect(() => nodeArgsOfScript('missing', root)).toThrow(/"missing"/);
  });

  it("reads this project's check command, which runs the check script", () => {
    expect(nodeArgsOfScript('check')).toContain('scripts/check.ts');
  });
});
