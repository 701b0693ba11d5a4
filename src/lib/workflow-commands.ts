import type { Diagnostic } from './diagnostics.ts';

// GitHub's escaping rules for workflow commands (actions/toolkit, core/src/command.ts).
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** Returns a problem as a GitHub Actions workflow command (`::error file=…,line=…,col=…,title=rule::message`), so it shows as an annotation. */
export function formatWorkflowCommand(d: Diagnostic): string {
  const properties: [string, string | number | undefined][] = [
    ['file', d.file.replaceAll('\\', '/')],
    ['line', d.line],
    ['col', d.line === undefined ? undefined : (d.column ?? 1)],
    ['title', d.rule],
  ];
  const list = properties.flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${escapeProperty(String(value))}`])).join(',');
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${list}::${escapeData(d.message)}`;
}

/** Returns true when running as a GitHub Actions step, where problems are also printed as workflow commands. */
export function inGithubActions(env: Record<string, string | undefined>): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
