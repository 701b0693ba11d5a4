import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/diagnostics.ts';
import { PUBLISHABLE_NAMES, PUBLISHABLE_TYPES } from '../../src/lib/publishable.ts';

const readme = readFileSync('README.md', 'utf8');
const contributing = readFileSync('CONTRIBUTING.md', 'utf8');

describe('the documentation states the facts of the code', () => {
  it('lists every rule id of the diagnostics table in the README, in its order', () => {
    const list = /The rule ids are ([\s\S]*?) \(one table/.exec(readme)?.[1] ?? '';
    expect([...list.matchAll(/`([a-z-]+)`/g)].map((m) => m[1])).toEqual(Object.keys(RULES));
  });
  it('lists exactly the publishable file types in CONTRIBUTING.md', () => {
    const row = (kind: string) =>
      [...(new RegExp(`^\\| ${kind} \\| (.*) \\|$`, 'm').exec(contributing)?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(row('Images')).toEqual(PUBLISHABLE_TYPES.images);
    expect(row('Documents')).toEqual(PUBLISHABLE_TYPES.documents);
    expect(row('Plain-text examples and configuration')).toEqual(PUBLISHABLE_TYPES.text);
    expect(row('Archives')).toEqual(PUBLISHABLE_TYPES.archives);
    expect(row('Examples without an extension')).toEqual(PUBLISHABLE_NAMES);
  });
});
