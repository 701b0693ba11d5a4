import type { LanguageRegistration } from 'shiki';
import promql from './grammars/promql.json' with { type: 'json' };

/** Grammars Shiki does not ship, keyed by the fence language that selects them. */
export const EXTRA_GRAMMARS: Record<string, LanguageRegistration> = {
  promql: promql as unknown as LanguageRegistration,
};

/** Fence languages shown as plain monospace text, with a label. */
export const PLAIN_LANGUAGES = new Set(['text', 'txt', 'plaintext', 'plain', 'output', '']);

const LABELS: Record<string, string> = {
  bash: 'Bash',
  sh: 'Shell',
  shell: 'Shell',
  zsh: 'Zsh',
  console: 'Console',
  shellsession: 'Console',
  powershell: 'PowerShell',
  dockerfile: 'Dockerfile',
  docker: 'Dockerfile',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  jsonc: 'JSON',
  toml: 'TOML',
  ini: 'INI',
  hcl: 'HCL',
  terraform: 'Terraform',
  promql: 'PromQL',
  python: 'Python',
  py: 'Python',
  go: 'Go',
  groovy: 'Groovy',
  nginx: 'nginx',
  javascript: 'JavaScript',
  js: 'JavaScript',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  sql: 'SQL',
  html: 'HTML',
  css: 'CSS',
  markdown: 'Markdown',
  md: 'Markdown',
  diff: 'Diff',
  xml: 'XML',
  rust: 'Rust',
  java: 'Java',
  text: 'Text',
  txt: 'Text',
  plaintext: 'Text',
  makefile: 'Makefile',
  make: 'Makefile',
  http: 'HTTP',
  graphql: 'GraphQL',
};

/** Returns the label shown above a code block for a fence language. */
export function languageLabel(lang: string): string {
  return LABELS[lang.toLowerCase()] ?? lang;
}
