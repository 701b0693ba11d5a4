import { join } from 'node:path';
import ts from 'typescript';
import { kubernetesModelsDir } from './kubernetes-kinds.ts';

/** What a YAML mapping may hold where the API expects one object of a union: its fields (name, type index) and its fallback's index. */
export interface FieldTableObject {
  fields: [string, number][];
  /** Index in {@link FieldTable.fallbacks} of the names every such object also answers to (`toString` and the like), if any. */
  fallback?: number;
}

/** How the unknown-field walk treats a value of one type; every type is an index into {@link FieldTable.types}. */
export interface FieldTableType {
  /** The object types a mapping is checked against (absent: a mapping here is not checked). */
  objects?: FieldTableObject[];
  /** The type of any key when the objects have a string index signature (labels, annotations). */
  index?: number;
  /** The type name shown in messages (`DeploymentSpec`). */
  label?: string;
  /** The element type when this is an array. */
  item?: number;
}

/** The Kubernetes field table: each kind's root type and every type reachable from it. */
export interface FieldTable {
  /** `apiVersion/kind` to the index of its root type. */
  kinds: Record<string, number>;
  types: FieldTableType[];
  fallbacks: [string, number][][];
}

/** Returns the typings file of a kind in `kubernetes-models` (`apps/v1` + `Deployment` → `…/apps/v1/Deployment.d.ts`). */
function typingsOf(dir: string, kindPath: string): string {
  const parts = kindPath.split('/');
  return join(dir, ...parts.slice(0, -1), `${parts.at(-1)!}.d.ts`);
}

/** Returns the members every object type answers to beyond its own (those of the global `Object` and `Function` interfaces). */
function globalMembers(program: ts.Program, checker: ts.TypeChecker): string[] {
  const lib = program.getSourceFiles().find((f) => f.fileName.endsWith('lib.es5.d.ts'));
  const names = new Set<string>();
  lib?.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && (node.name.text === 'Object' || node.name.text === 'Function'))
      for (const p of checker.getPropertiesOfType(checker.getTypeAtLocation(node.name))) names.add(p.name);
  });
  return [...names].sort();
}

/**
 * Builds the field table of the given kinds (`apps/v1/Deployment`) from the typings `kubernetes-models`
 * generates from the Kubernetes OpenAPI schema, read with the TypeScript compiler: for each type, exactly
 * what the compiler answers about it (its fields in order, the fields it also answers to, index signature,
 * array element, name), so that walking a YAML object against the table finds the unknown fields a walk
 * with the compiler finds, without loading the compiler on every run.
 */
export function buildFieldTable(kindPaths: readonly string[], dir = kubernetesModelsDir()): FieldTable {
  const files = kindPaths.map((k) => typingsOf(dir, k));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ['lib.es5.d.ts'],
  });
  const checker = program.getTypeChecker();
  const extraNames = globalMembers(program, checker);
  const table: FieldTable = { kinds: {}, types: [], fallbacks: [] };
  const ids = new Map<ts.Type, number>();
  const fallbackIds = new Map<string, number>();
  const pending: ts.Type[] = [];
  // The walk looks at the non-nullable type of every declared type, so that is what gets an index.
  const idOf = (declared: ts.Type): number => {
    const type = checker.getNonNullableType(declared);
    let id = ids.get(type);
    if (id === undefined) {
      id = table.types.length;
      ids.set(type, id);
      table.types.push({});
      pending.push(type);
    }
    return id;
  };
  const describe = (type: ts.Type): FieldTableType => {
    const entry: FieldTableType = {};
    // Methods (of arrays, of every object) are not walked into: no Kubernetes field is a function.
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return entry;
    const objects = type.isUnion() ? type.types.filter((t) => t.flags & ts.TypeFlags.Object) : [type];
    if (objects.length > 0 && objects[0]!.flags & ts.TypeFlags.Object) {
      entry.objects = objects.map((object) => {
        const own = checker.getPropertiesOfType(object);
        const ownNames = new Set(own.map((p) => p.name));
        const fields = own.map((p): [string, number] => [p.name, idOf(checker.getTypeOfSymbol(p))]);
        const extra = extraNames.flatMap((name): [string, number][] => {
          const p = ownNames.has(name) ? undefined : checker.getPropertyOfType(object, name);
          return p ? [[name, idOf(checker.getTypeOfSymbol(p))]] : [];
        });
        if (extra.length === 0) return { fields };
        const key = JSON.stringify(extra);
        if (!fallbackIds.has(key)) fallbackIds.set(key, table.fallbacks.push(extra) - 1);
        return { fields, fallback: fallbackIds.get(key)! };
      });
      const index = objects.map((t) => checker.getIndexTypeOfType(t, ts.IndexKind.String)).find(Boolean);
      if (index) entry.index = idOf(index);
      entry.label = checker
        .typeToString(objects[0]!)
        .replace(/^IIoK8s\w*?V\d\w*?(?=[A-Z][a-z])/, '')
        .replace(/^I(?=[A-Z])/, '');
    }
    if (checker.isArrayType(type)) {
      const item = checker.getTypeArguments(type as ts.TypeReference)[0];
      if (item) entry.item = idOf(item);
    }
    return entry;
  };
  for (const [i, kindPath] of kindPaths.entries()) {
    const file = program.getSourceFile(files[i]!);
    const kind = kindPath.split('/').at(-1)!;
    const symbol = file && checker.getSymbolAtLocation(file)?.exports?.get(ts.escapeLeadingUnderscores(`I${kind}`));
    if (symbol) table.kinds[kindPath] = idOf(checker.getDeclaredTypeOfSymbol(symbol));
  }
  for (let type = pending.shift(); type; type = pending.shift()) table.types[ids.get(type)!] = describe(type);
  return withOneLeaf(table);
}

/** Returns the table with every type that is not walked into (strings, numbers, methods) as one type, index 0. */
function withOneLeaf(table: FieldTable): FieldTable {
  const isLeaf = (t: FieldTableType) => t.objects === undefined && t.item === undefined;
  const kept = table.types.flatMap((t, i) => (isLeaf(t) ? [] : [i]));
  const renumber = new Map(kept.map((old, i) => [old, i + 1]));
  const to = (old: number) => renumber.get(old) ?? 0;
  const types = [{}, ...kept.map((old) => table.types[old]!)].map((t: FieldTableType): FieldTableType => ({
    ...t,
    ...(t.objects && { objects: t.objects.map((o) => ({ ...o, fields: o.fields.map(([name, id]): [string, number] => [name, to(id)]) })) }),
    ...(t.index !== undefined && { index: to(t.index) }),
    ...(t.item !== undefined && { item: to(t.item) }),
  }));
  return {
    kinds: Object.fromEntries(Object.entries(table.kinds).map(([k, id]) => [k, to(id)])),
    types,
    fallbacks: table.fallbacks.map((list) => list.map(([name, id]): [string, number] => [name, to(id)])),
  };
}

/** Returns the table as the text of `kubernetes-fields.json`: one kind or type a line, so an upgrade's diff shows what changed. */
export function formatFieldTable(table: FieldTable): string {
  const lines = (list: unknown[]) => list.map((item) => `  ${JSON.stringify(item)}`).join(',\n');
  const kinds = Object.entries(table.kinds).map(([kind, id]) => `  ${JSON.stringify(kind)}: ${id}`);
  return `{\n"kinds": {\n${kinds.join(',\n')}\n},\n"types": [\n${lines(table.types)}\n],\n"fallbacks": [\n${lines(table.fallbacks)}\n]\n}\n`;
}
