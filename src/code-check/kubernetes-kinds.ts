import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const TYPE_META = /"apiVersion": "([^"]+)";\s*"kind": "([^"]+)";/;

/** Returns the folder of the installed `kubernetes-models` package. */
export function kubernetesModelsDir(): string {
  return dirname(createRequire(import.meta.url).resolve('kubernetes-models/package.json'));
}

/**
 * Returns every `apiVersion/kind` that `kubernetes-models` has a schema for, sorted, read from the
 * `apiVersion` and `kind` literals of its generated model typings.
 */
export function listKubernetesKinds(dir = kubernetesModelsDir()): string[] {
  const kinds = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.d.ts') || entry.startsWith('_schemas')) continue;
    const match = TYPE_META.exec(readFileSync(join(dir, entry), 'utf8'));
    if (match) kinds.add(`${match[1]}/${match[2]}`);
  }
  return [...kinds].sort();
}
