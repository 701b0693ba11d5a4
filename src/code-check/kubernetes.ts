import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node } from 'yaml';
import { KubernetesFields } from './kubernetes-fields.ts';
import { schemaFindings } from './schema-errors.ts';
import type { Finding } from './types.ts';

type Model = { new (data: unknown): { validate(): void }; apiVersion: string; kind: string };

/**
 * Returns the `kubernetes-models` model class of an `apiVersion` and `kind`, importing only that kind's
 * module (an API group's index imports every kind of the group: 0.40 against 0.14 CPU-seconds for the
 * handbook's 18 kinds).
 */
async function modelOf(apiVersion: string, kind: string): Promise<Model | undefined> {
  const module = (await import(/* @vite-ignore */ `kubernetes-models/${apiVersion}/${kind}`)) as Record<string, Model | undefined>;
  const model = module[kind];
  return model?.apiVersion === apiVersion && model.kind === kind ? model : undefined;
}

/** One Kubernetes object of a block: its document and line counter. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  doc: Document;
  lines: LineCounter;
}

/**
 * Validates Kubernetes objects against the JSON schemas `kubernetes-models` generates from the
 * Kubernetes OpenAPI definitions (required fields, types, formats), then rejects unknown fields.
 */
export class KubernetesValidator {
  readonly #fields = new KubernetesFields();

  /** Returns the problems of one object, with lines inside its block. */
  async validate(object: KubernetesObject): Promise<Finding[]> {
    const { apiVersion, kind, doc, lines } = object;
    const model = await modelOf(apiVersion, kind);
    if (!model) return [{ line: lines.linePos(doc.range?.[0] ?? 0).line, message: `no schema for ${kind} in ${apiVersion}` }];
    const findings: Finding[] = [];
    try {
      new model(doc.toJS()).validate();
    } catch (error) {
      const errors = (error as { errors?: ErrorObject[] }).errors;
      if (!errors) throw error;
      findings.push(...schemaFindings(errors, doc, lines).map((f) => ({ ...f, message: `${kind} ${f.message}` })));
    }
    for (const unknown of this.#fields.check(apiVersion, kind, doc.contents as Node)) {
      findings.push({ line: lines.linePos(unknown.key.range?.[0] ?? 0).line, message: `${kind} ${unknown.message}` });
    }
    return findings;
  }
}
