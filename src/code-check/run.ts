import type { CheckedBlock, CodeProblem } from './check-blocks.ts';
import { formatCodeReport, tooManyOptOuts } from './report.ts';

/**
 * Runs a code-sample check, prints its report and returns the exit status: 0 when clean, 1 on any
 * problem or too many opt-outs, 2 when a validator could not run (shellcheck or python3 missing).
 */
export async function runCodeCheck(check: () => Promise<{ problems: CodeProblem[]; results: CheckedBlock[] }>): Promise<number> {
  try {
    const { problems, results } = await check();
    console.log(formatCodeReport(problems, results));
    return problems.length > 0 || tooManyOptOuts(results) ? 1 : 0;
  } catch (error) {
    // A validator that could not run is not a problem of the content.
    const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
    const cause = code === undefined ? '' : ` (exit status or error code: ${String(code)})`;
    console.error(`${error instanceof Error ? error.message : String(error)}${cause}`);
    return 2;
  }
}
