import { Ajv, type ValidateFunction } from 'ajv';
import { isMap, isScalar, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { YAML_OPTIONS, yamlShape, type ValidatorId } from '../lib/code-checks.ts';
import composeSpec from './schemas/compose-spec.json' with { type: 'json' };
import prometheusRules from './schemas/prometheus-rules.json' with { type: 'json' };
import { lintWorkflow } from './actionlint.ts';
import { KubernetesValidator } from './kubernetes.ts';
import { checkPromql, lineOfOffset } from './promql.ts';
import { schemaFindings } from './schema-errors.ts';
import { nodeAt } from './yaml-paths.ts';
import type { Finding } from './types.ts';

/** A finding of a YAML block, with the validator that made it. */
export type YamlFinding = Finding & { validator: ValidatorId };

interface ParsedDoc {
  doc: Document;
  shape: ValidatorId;
}

/** Parses every document of a YAML block, with lines counted from the block's first line. */
export function parseYamlBlock(code: string): { docs: ParsedDoc[]; lines: LineCounter; errors: YamlFinding[] } {
  const lines = new LineCounter();
  const docs: ParsedDoc[] = [];
  const errors: YamlFinding[] = [];
  for (const doc of parseAllDocuments(code, { ...YAML_OPTIONS, lineCounter: lines, prettyErrors: false })) {
    for (const error of doc.errors) {
      errors.push({ validator: 'yaml', line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0]! });
    }
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    try {
      docs.push({ doc, shape: yamlShape(doc.toJS({ maxAliasCount: 100 })) });
    } catch (error) {
      errors.push({
        validator: 'yaml',
        line: lines.linePos(doc.range?.[0] ?? 0).line,
        message: String(error instanceof Error ? error.message : error),
      });
    }
  }
  return { docs, lines, errors };
}

/**
 * Returns the labels that jobs running on `self-hosted` runners give alongside it: the reader's own
 * runners, which actionlint only knows when they are listed in its configuration file.
 */
export function selfHostedLabels(workflow: unknown): Set<string> {
  const jobs = (workflow as { jobs?: Record<string, { 'runs-on'?: unknown }> }).jobs ?? {};
  const labels = new Set<string>();
  for (const job of Object.values(jobs)) {
    const runsOn = job?.['runs-on'];
    if (Array.isArray(runsOn) && runsOn.includes('self-hosted')) for (const label of runsOn) labels.add(String(label));
  }
  return labels;
}

/** Validates YAML blocks by shape: Kubernetes objects, GitHub Actions workflows, Compose files, Prometheus rule files. */
export class YamlValidator {
  readonly #kubernetes = new KubernetesValidator();
  readonly #ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
  readonly #compose: ValidateFunction = this.#ajv.compile(composeSpec);
  readonly #rules: ValidateFunction = this.#ajv.compile(prometheusRules);

  /** Returns the problems of one YAML block. */
  async validate(code: string): Promise<YamlFinding[]> {
    const { docs, lines, errors } = parseYamlBlock(code);
    const found: YamlFinding[] = [...errors];
    for (const { doc, shape } of docs) {
      if (shape === 'kubernetes') {
        const { apiVersion, kind } = doc.toJS() as { apiVersion: string; kind: string };
        found.push(...(await this.#kubernetes.validate({ apiVersion, kind, doc, lines })).map((f) => ({ ...f, validator: shape })));
      } else if (shape === 'actionlint') {
        found.push(...(await this.#lintWorkflow(code, doc, lines)));
      } else if (shape === 'compose' || shape === 'prometheus-rules') {
        const validate = shape === 'compose' ? this.#compose : this.#rules;
        if (!validate(doc.toJS()))
          found.push(...schemaFindings(validate.errors ?? [], doc, lines).map((f) => ({ ...f, validator: shape })));
        if (shape === 'prometheus-rules') found.push(...this.#checkExpressions(doc, lines, code));
      }
    }
    return found;
  }

  async #lintWorkflow(code: string, doc: Document, lines: LineCounter): Promise<YamlFinding[]> {
    const [start, , end] = doc.range ?? [0, 0, code.length];
    const offset = lines.linePos(start).line - 1;
    const text = '\n'.repeat(offset) + code.slice(lines.lineStarts[offset] ?? 0, end);
    const custom = selfHostedLabels(doc.toJS());
    return (await lintWorkflow(text))
      .filter((r) => !(r.kind === 'runner-label' && custom.has(/^label "([^"]*)"/.exec(r.message)?.[1] ?? '')))
      .map((r) => ({ validator: 'actionlint', line: r.line, message: `${r.message} [${r.kind}]` }));
  }

  #checkExpressions(doc: Document, lines: LineCounter, code: string): YamlFinding[] {
    const found: YamlFinding[] = [];
    const groups = (doc.toJS() as { groups?: { rules?: unknown[] }[] }).groups ?? [];
    groups.forEach((group, g) =>
      (Array.isArray(group?.rules) ? group.rules : []).forEach((_, r) => {
        const { node } = nodeAt(doc, ['groups', g, 'rules', r, 'expr']);
        if (!isScalar(node) || typeof node.value !== 'string') return;
        const source = (node as Node).range!;
        // A block scalar's value starts on the line after its `|`; a plain or quoted one on its own line.
        const first = lines.linePos(source[0]).line + (/^[|>]/.test(code.slice(source[0])) ? 1 : 0);
        for (const problem of checkPromql(node.value)) {
          found.push({
            validator: 'prometheus-rules',
            line: first + lineOfOffset(node.value, problem.offset) - 1,
            message: `expr: PromQL ${problem.message}`,
          });
        }
      }),
    );
    return found;
  }
}
