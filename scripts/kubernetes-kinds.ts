// Regenerates src/lib/kubernetes-kinds.json, the `apiVersion/kind` pairs kubernetes-models has schemas
// for, after upgrading kubernetes-models (a unit test fails until it is in step).
import { writeFileSync } from 'node:fs';
import { listKubernetesKinds } from '../src/code-check/kubernetes-kinds.ts';

writeFileSync('src/lib/kubernetes-kinds.json', `${JSON.stringify(listKubernetesKinds(), null, 1)}\n`);
