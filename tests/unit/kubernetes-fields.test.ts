import { describe, expect, it } from 'vitest';
import { parseDocument, type Node } from 'yaml';
import { buildFieldTable, type FieldTable } from '../../src/code-check/kubernetes-field-table.ts';
import fieldTable from '../../src/code-check/kubernetes-fields.json' with { type: 'json' };
import { KubernetesFields } from '../../src/code-check/kubernetes-fields.ts';
import { listKubernetesKinds } from '../../src/code-check/kubernetes-kinds.ts';

/** Returns the unknown fields of a YAML object as `line: message`. */
function unknownFields(yaml: string, fields = new KubernetesFields()): string[] {
  const doc = parseDocument(yaml);
  const { apiVersion, kind } = doc.toJS() as { apiVersion: string; kind: string };
  return fields
    .check(apiVersion, kind, doc.contents as Node)
    .map((u) => `${yaml.slice(0, u.key.range![0]).split('\n').length}: ${u.message}`);
}

describe('Kubernetes unknown fields', () => {
  it('finds a misspelt field inside a list item, with the right name suggested', () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: { any-key: ok }\nspec:\n  selector:\n    matchLabels: { app: web }\n  template:\n    spec:\n      containers:\n        - name: web\n          imagez: nginx\n';
    expect(unknownFields(deployment)).toEqual(['13: unknown field `imagez` in Container; did you mean `image`?']);
  });

  it('reports the keys of a mapping written where the API expects a list, naming the list type', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    name: web\n    image: nginx\n';
    expect(unknownFields(pod)).toEqual([
      // Array's own members are its fields here, as they were to the TypeScript compiler.
      '7: unknown field `name` in Container[]; did you mean `some`?',
      '8: unknown field `image` in Container[]',
    ]);
  });

  it('accepts the names every object answers to, as the TypeScript compiler did, and knows no fields of an unknown kind', () => {
    expect(unknownFields('apiVersion: v1\nkind: Service\nspec:\n  toString: 1\n  portz: []\n')).toEqual([
      '5: unknown field `portz` in ServiceSpec; did you mean `ports`?',
    ]);
    expect(unknownFields('apiVersion: example.com/v1\nkind: Widget\nspec:\n  anything: 1\n')).toEqual([]);
  });

  it('walks unions, index signatures, lists and fallback names as the table says', () => {
    const table: FieldTable = {
      kinds: { 'v1/Thing': 1 },
      types: [
        {},
        { objects: [{ fields: [['spec', 2]], fallback: 0 }], label: 'Thing' },
        { objects: [{ fields: [['a', 0]] }, { fields: [['b', 3]] }], label: 'SpecA' },
        { objects: [{ fields: [] }], index: 4, label: 'Labels' },
        { item: 1 },
      ],
      fallbacks: [[['valueOf', 0]]],
    };
    const yaml = 'apiVersion: v1\nkind: Thing\nvalueOf: {}\nspec:\n  a: 1\n  c: 2\n  b:\n    any:\n      - spec: { a: 1, d: 1 }\n';
    expect(unknownFields(yaml, new KubernetesFields(table))).toEqual([
      '1: unknown field `apiVersion` in Thing',
      '2: unknown field `kind` in Thing',
      '6: unknown field `c` in SpecA; did you mean `a`?',
      '9: unknown field `d` in SpecA; did you mean `a`?',
    ]);
  });

  it('keeps the committed field table in step with the installed kubernetes-models', { timeout: 60_000 }, () => {
    // After upgrading kubernetes-models: node scripts/kubernetes-kinds.ts (through npx or npm exec, for Node 24).
    expect(fieldTable).toEqual(buildFieldTable(listKubernetesKinds()));
  });
});
