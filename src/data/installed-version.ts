import { readFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';

/** Returns the version of an installed package (from its package.json, as Node resolves it from here), or "unknown". */
export function installedVersion(name: string): string {
  const file = findPackageJSON(name, import.meta.url);
  const version = file ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}
