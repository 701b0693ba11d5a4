import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/lib/diagnostics.ts';
import { formatWorkflowCommand, inGithubActions } from '../../src/lib/workflow-commands.ts';

describe('GitHub workflow commands', () => {
  it('prints an error with file, line, column and the rule as title', () => {
    const d = diagnostic({
      file: 'content/a.md',
      line: 5,
      column: 6,
      rule: 'missing-file',
      severity: 'error',
      message: 'cannot find `./b.md`',
    });
    expect(formatWorkflowCommand(d)).toBe(
      '::error file=content/a.md,line=5,col=6,title=missing-file::cannot find `./b.md` (fix: link the page or file by its path relative to this page)',
    );
  });

  it('prints a warning, and no line or column where none applies', () => {
    expect(formatWorkflowCommand({ file: 'content/a.md', rule: 'empty-file', severity: 'warning', message: 'the page is empty' })).toBe(
      '::warning file=content/a.md,title=empty-file::the page is empty',
    );
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const d = {
      file: 'content/a,b:c%.md',
      line: 1,
      column: 1,
      rule: 'spelling',
      severity: 'error',
      message: '100% wrong:\r\nsee, here',
    } as const;
    expect(formatWorkflowCommand(d)).toBe('::error file=content/a%2Cb%3Ac%25.md,line=1,col=1,title=spelling::100%25 wrong:%0D%0Asee, here');
  });

  it('uses forward slashes in file paths', () => {
    expect(formatWorkflowCommand({ file: 'content\\win\\a.md', line: 2, rule: 'missing-title', severity: 'error', message: 'x' })).toBe(
      '::error file=content/win/a.md,line=2,col=1,title=missing-title::x',
    );
  });

  it('is on only when GITHUB_ACTIONS is exactly "true"', () => {
    expect(inGithubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(inGithubActions({ GITHUB_ACTIONS: 'false' })).toBe(false);
    expect(inGithubActions({})).toBe(false);
  });
});
