import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { didYouMean } from '../lib/suggest.ts';
import type { FieldTable, FieldTableObject } from './kubernetes-field-table.ts';
import fieldTable from './kubernetes-fields.json' with { type: 'json' };

/** An unknown field: the YAML key node it was found at and the message. */
export interface UnknownField {
  key: Node;
  message: string;
}

/**
 * Finds fields that the Kubernetes API does not define, as `kubectl --validate=strict` rejects them:
 * walks the YAML against the field table generated from the typings `kubernetes-models` generates from
 * the Kubernetes OpenAPI schema (its JSON-schema validators accept unknown fields). The table is
 * `kubernetes-fields.json`, written by `scripts/kubernetes-kinds.ts` with the TypeScript compiler, so
 * the compiler is not loaded here.
 */
export class KubernetesFields {
  readonly #table: FieldTable;
  readonly #fallbacks: Map<string, number>[];

  // TypeScript types the JSON's [name, type] pairs as arrays of either, not as tuples.
  constructor(table: FieldTable = fieldTable as unknown as FieldTable) {
    this.#table = table;
    this.#fallbacks = table.fallbacks.map((list) => new Map(list));
  }

  /** Returns the unknown fields of one object of a kind. */
  check(apiVersion: string, kind: string, root: Node): UnknownField[] {
    const type = this.#table.kinds[`${apiVersion}/${kind}`];
    if (type === undefined) return [];
    const found: UnknownField[] = [];
    this.#walk(root, type, found);
    return found;
  }

  /** Returns the type of a field of an object type (its own, or one every object answers to), if it has one. */
  #fieldOf(object: FieldTableObject, name: string): number | undefined {
    const own = object.fields.find(([field]) => field === name);
    if (own) return own[1];
    return object.fallback === undefined ? undefined : this.#fallbacks[object.fallback]!.get(name);
  }

  #walk(node: Node | null | undefined, typeId: number, found: UnknownField[]): void {
    const type = this.#table.types[typeId]!;
    if (isMap(node)) {
      const objects = type.objects;
      if (!objects) return;
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const field = objects.map((object) => this.#fieldOf(object, name)).find((id) => id !== undefined);
        if (field !== undefined) this.#walk(pair.value as Node, field, found);
        else if (type.index !== undefined) this.#walk(pair.value as Node, type.index, found);
        else {
          const known = objects.flatMap((object) => object.fields.map(([field]) => field));
          found.push({ key: pair.key, message: `unknown field \`${name}\` in ${type.label}${didYouMean(name, known)}` });
        }
      }
    } else if (isSeq(node) && type.item !== undefined) {
      for (const child of node.items) this.#walk(child as Node, type.item, found);
    }
  }
}
