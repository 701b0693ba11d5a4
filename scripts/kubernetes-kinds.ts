// Regenerates src/lib/kubernetes-kinds.json, the `apiVersion/kind` pairs kubernetes-models has schemas
// for, and src/code-check/kubernetes-fields.json, the fields of each (read from its typings with the
// TypeScript compiler), after upgrading kubernetes-models (a unit test fails until they are in step).
import { writeFileSync } from 'node:fs';
import { buildFieldTable, formatFieldTable } from '../src/code-check/kubernetes-field-table.ts';
import { listKubernetesKinds } from '../src/code-check/kubernetes-kinds.ts';

const kinds = listKubernetesKinds();
writeFileSync('src/lib/kubernetes-kinds.json', `${JSON.stringify(kinds, null, 1)}\n`);
writeFileSync('src/code-check/kubernetes-fields.json', formatFieldTable(buildFieldTable(kinds)));
