import { join } from 'node:path';
import ts from 'typescript';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { didYouMean } from '../lib/suggest.ts';
import { kubernetesModelsDir } from './kubernetes-kinds.ts';

/** An unknown field: the YAML key node it was found at and the message. */
export interface UnknownField {
  key: Node;
  message: string;
}

/** Returns the typings file of a kind in `kubernetes-models` (`apps/v1` + `Deployment` → `…/apps/v1/Deployment.d.ts`). */
function typingsOf(apiVersion: string, kind: string): string {
  return join(kubernetesModelsDir(), ...apiVersion.split('/'), `${kind}.d.ts`);
}

/**
 * Finds fields that the Kubernetes API does not define, as `kubectl --validate=strict` rejects them:
 * walks the YAML against the typings `kubernetes-models` generates from the Kubernetes OpenAPI
 * schema (its JSON-schema validators accept unknown fields), read with the TypeScript compiler.
 */
export class KubernetesFields {
  readonly #program: ts.Program;
  readonly #checker: ts.TypeChecker;

  /** Loads the typings of the given `apiVersion/kind` pairs once, for all the blocks of a run. */
  constructor(kinds: readonly { apiVersion: string; kind: string }[]) {
    const files = [...new Set(kinds.map((k) => typingsOf(k.apiVersion, k.kind)))];
    this.#program = ts.createProgram(files, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noEmit: true,
      types: [],
      lib: ['lib.es5.d.ts'],
    });
    this.#checker = this.#program.getTypeChecker();
  }

  /** Returns the unknown fields of one object of a kind. */
  check(apiVersion: string, kind: string, root: Node): UnknownField[] {
    const file = this.#program.getSourceFile(typingsOf(apiVersion, kind));
    const symbol = file && this.#checker.getSymbolAtLocation(file)?.exports?.get(ts.escapeLeadingUnderscores(`I${kind}`));
    if (!symbol) return [];
    const found: UnknownField[] = [];
    this.#walk(root, this.#checker.getDeclaredTypeOfSymbol(symbol), found);
    return found;
  }

  #walk(node: Node | null | undefined, declared: ts.Type, found: UnknownField[]): void {
    const type = this.#checker.getNonNullableType(declared);
    if (isMap(node)) {
      const objects = type.isUnion() ? type.types.filter((t) => t.flags & ts.TypeFlags.Object) : [type];
      if (objects.length === 0 || !(objects[0]!.flags & ts.TypeFlags.Object)) return;
      const index = objects.map((t) => this.#checker.getIndexTypeOfType(t, ts.IndexKind.String)).find(Boolean);
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const owner = objects.find((t) => this.#checker.getPropertyOfType(t, name));
        const property = owner && this.#checker.getPropertyOfType(owner, name);
        if (property) this.#walk(pair.value as Node, this.#checker.getTypeOfSymbol(property), found);
        else if (index) this.#walk(pair.value as Node, index, found);
        else {
          const known = objects.flatMap((t) => this.#checker.getPropertiesOfType(t).map((p) => p.name));
          const owned = this.#checker
            .typeToString(objects[0]!)
            .replace(/^IIoK8s\w*?V\d\w*?(?=[A-Z][a-z])/, '')
            .replace(/^I(?=[A-Z])/, '');
          found.push({ key: pair.key, message: `unknown field \`${name}\` in ${owned}${didYouMean(name, known)}` });
        }
      }
    } else if (isSeq(node) && this.#checker.isArrayType(type)) {
      const item = this.#checker.getTypeArguments(type as ts.TypeReference)[0];
      if (item) for (const child of node.items) this.#walk(child as Node, item, found);
    }
  }
}
