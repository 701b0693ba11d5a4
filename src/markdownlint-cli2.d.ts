// markdownlint-cli2 ships JavaScript with JSDoc only: the part of its API the content check uses.
declare module 'markdownlint-cli2' {
  /** One problem markdownlint found. */
  export interface LintResult {
    fileName: string;
    lineNumber: number;
    ruleNames: string[];
    ruleDescription: string;
    errorDetail?: string | null;
    errorContext?: string | null;
    errorRange?: [number, number] | null;
    severity?: 'error' | 'warning';
  }
  /** What an output formatter receives. */
  export interface OutputFormatterOptions {
    directory: string;
    results: LintResult[];
  }
  /** Lints the files named in `argv` and returns the exit code (0, or 1 when errors were found). */
  export function main(params: {
    directory?: string;
    argv?: string[];
    noGlobs?: boolean;
    optionsOverride?: { outputFormatters?: [(options: OutputFormatterOptions) => void | Promise<void>][] };
    logMessage?: (message: string) => void;
    logError?: (message: string) => void;
  }): Promise<number>;
}
