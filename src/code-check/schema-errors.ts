import type { ErrorObject } from 'ajv';
import type { Document, LineCounter } from 'yaml';
import type { Finding } from './types.ts';
import { dottedPath, lineAt, pointerSteps } from './yaml-paths.ts';

function describe(error: ErrorObject): { steps: string[]; message: string } {
  const steps = pointerSteps(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { steps, message: `${dottedPath(steps)}: missing required field \`${String(params.missingProperty)}\`` };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return { steps: [...steps, name], message: `${dottedPath(steps)}: unknown field \`${name}\`` };
    }
    case 'type':
      return { steps, message: `${dottedPath(steps)}: must be of type ${String(params.type)}` };
    case 'enum':
      return {
        steps,
        message: `${dottedPath(steps)}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { steps, message: `${dottedPath(steps)}: ${error.message ?? `fails the schema's \`${error.keyword}\` rule`}` };
  }
}

/**
 * Returns one finding per schema error, at the line of the offending field. Errors of `oneOf`/`anyOf`
 * branches are reported once, by their deepest path, so a mistyped field is not buried under alternatives.
 */
export function schemaFindings(errors: readonly ErrorObject[], doc: Document, lines: LineCounter): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const deepest = Math.max(...errors.map((e) => e.instancePath.length));
  const relevant = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword) || e.instancePath.length === deepest);
  for (const error of relevant) {
    const { steps, message } = describe(error);
    if (seen.has(message)) continue;
    seen.add(message);
    findings.push({ line: lineAt(doc, steps, lines), message });
  }
  return findings;
}
