import { spawn } from 'node:child_process';
import type { BlockInput, Finding } from './types.ts';

// py_compile's check (compile() of the source) for every block in one interpreter, reading JSON on stdin.
const COMPILE_ALL = `
import json, sys
out = {}
for block in json.load(sys.stdin):
    try:
        compile(block["code"], "block.py", "exec", dont_inherit=True)
    except SyntaxError as e:
        out[block["id"]] = [{"line": e.lineno or 1, "message": f"{type(e).__name__}: {e.msg}"}]
    except ValueError as e:
        out[block["id"]] = [{"line": 1, "message": str(e)}]
json.dump(out, sys.stdout)
`;

/** Compiles every Python block of a run with `python3` (as `py_compile` does) in one process; returns syntax errors by block id. */
export function checkPython(blocks: readonly BlockInput[], python = 'python3'): Promise<Map<number, Finding[]>> {
  if (blocks.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-I', '-c', COMPILE_ALL], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', (cause) => reject(new Error('Failed to run python3.', { cause })));
    child.on('close', (status) => {
      if (status !== 0) return reject(new Error(`python3 exited with status ${status}.`));
      const found = JSON.parse(stdout) as Record<string, Finding[]>;
      resolve(new Map(Object.entries(found).map(([id, list]) => [Number(id), list])));
    });
    child.stdin.end(JSON.stringify(blocks.map((b) => ({ id: b.id, code: b.code }))));
  });
}
