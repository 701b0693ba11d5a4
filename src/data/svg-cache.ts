import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sanitizeSvg, type SanitizedSvg } from '../lib/sanitize-svg.ts';
import { writeFileWhole } from './atomic-file.ts';
import { installedVersion } from './installed-version.ts';

// Sanitizing an SVG costs jsdom's load (about a second) and then a few milliseconds each: a rebuild after one edit
// spent more time on the 450 SVGs of the 1,000-page benchmark, all unchanged, than on the edited page. The answers
// are kept by the SVG's text, for the sanitizer's source and the versions of DOMPurify and jsdom that gave them.

/** Sanitizes SVGs as `sanitizeSvg` does, answering SVGs already seen from the cache; `save` keeps this run's answers. */
export interface SvgSanitizer {
  sanitize: (source: string) => SanitizedSvg;
  /** Writes the answers used since the sanitizer was made (and only those) to the cache file. */
  save: () => void;
}

interface CacheFile {
  version: string;
  svgs: Record<string, SanitizedSvg>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Returns what the sanitizer's answers depend on besides the SVG: its own source and the versions of its libraries. */
export function sanitizerVersion(): string {
  const parts = [readFileSync(new URL('../lib/sanitize-svg.ts', import.meta.url), 'utf8')];
  for (const name of ['dompurify', 'jsdom']) parts.push(`${name}@${installedVersion(name)}`);
  return sha256(parts.join('\0'));
}

function readCache(file: string, version: string): Record<string, SanitizedSvg> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return stored.version === version && typeof stored.svgs === 'object' ? stored.svgs : {};
  } catch {
    // No cache yet, or an unreadable one: every SVG is sanitized.
    return {};
  }
}

/** Returns a sanitizer that keeps its answers in `cacheFile` (read now, written by `save`) for the given version. */
export function cachedSanitizer(cacheFile: string, version = sanitizerVersion()): SvgSanitizer {
  const known = readCache(cacheFile, version);
  const used = new Map<string, SanitizedSvg>();
  return {
    sanitize: (source) => {
      const key = sha256(source);
      const answer = used.get(key) ?? known[key] ?? sanitizeSvg(source);
      used.set(key, answer);
      return { svg: answer.svg, removed: [...answer.removed] };
    },
    save: () => {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileWhole(cacheFile, JSON.stringify({ version, svgs: Object.fromEntries(used) } satisfies CacheFile));
    },
  };
}
