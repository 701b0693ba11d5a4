import type { RuleId } from './diagnostics.ts';

/** File types a page may link to and have published next to it, by group (lowercase extensions). */
export const PUBLISHABLE_TYPES = {
  images: ['avif', 'gif', 'ico', 'jpeg', 'jpg', 'png', 'svg', 'webp'],
  documents: ['pdf'],
  text: [
    'bash',
    'c',
    'cfg',
    'conf',
    'cpp',
    'csv',
    'diff',
    'dockerfile',
    'env',
    'go',
    'h',
    'hcl',
    'ini',
    'java',
    'json',
    'log',
    'patch',
    'properties',
    'ps1',
    'py',
    'rb',
    'rs',
    'service',
    'sh',
    'sql',
    'tf',
    'tfvars',
    'toml',
    'tsv',
    'txt',
    'yaml',
    'yml',
    'zsh',
  ],
  archives: ['7z', 'bz2', 'gz', 'tar', 'tgz', 'xz', 'zip', 'zst'],
} as const;

/** File names without an extension that are published as plain-text examples. */
export const PUBLISHABLE_NAMES = ['Containerfile', 'Dockerfile', 'Jenkinsfile', 'Makefile', 'Procfile', 'Vagrantfile'] as const;

/** Default for the largest linked file published: 10 MiB. */
export const DEFAULT_MAX_ASSET_BYTES = 10 * 1024 * 1024;

const ALLOWED = new Set<string>(Object.values(PUBLISHABLE_TYPES).flat());
const HTML = new Set(['htm', 'html', 'mht', 'mhtml', 'shtml', 'xht', 'xhtml']);
const CODE = new Set(['cjs', 'css', 'js', 'jsx', 'mjs', 'ts', 'tsx', 'wasm', 'xml', 'xsl', 'xslt']);

/** A reason a linked file is not published. */
export interface PublishProblem {
  rule: Extract<RuleId, 'unpublishable-file' | 'file-too-large'>;
  message: string;
}

/** Returns the lowercase extension of a path's file name, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.split('/').pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Returns whether a linked file's type is on the allow-list. */
export function isPublishableType(path: string): boolean {
  const ext = extensionOf(path);
  if (ext === '') return (PUBLISHABLE_NAMES as readonly string[]).includes(path.split('/').pop() ?? '');
  return ALLOWED.has(ext);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** Returns why a linked file (content-relative path, size in bytes) may not be published, or undefined when it may. */
export function publishProblem(path: string, size: number, maxBytes: number): PublishProblem | undefined {
  const ext = extensionOf(path);
  if (!isPublishableType(path)) {
    const type = ext === '' ? 'a file without an extension' : `a \`.${ext}\` file`;
    const instead = HTML.has(ext)
      ? 'an HTML file would run its scripts on the site; write it as a Markdown page (.md) instead, or link its source by full URL'
      : CODE.has(ext)
        ? 'code files could run on the site; show the code in a fenced code block, or pack the files into a .zip'
        : 'show its contents in a fenced code block, pack it into a .zip, or link it by full URL';
    return { rule: 'unpublishable-file', message: `links ${type}, which is not published: ${instead}` };
  }
  if (size > maxBytes) {
    return { rule: 'file-too-large', message: `links a file of ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit` };
  }
  return undefined;
}
