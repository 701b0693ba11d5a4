import { isMap, parseAllDocuments } from 'yaml';
import kubernetesKinds from './kubernetes-kinds.json' with { type: 'json' };

/** The validators of `npm run check:code`, each named for what it checks. */
export const VALIDATORS = {
  yaml: 'YAML parser',
  kubernetes: 'Kubernetes API schema',
  actionlint: 'actionlint',
  compose: 'Compose specification schema',
  'prometheus-rules': 'Prometheus rule file schema and PromQL grammar',
  json: 'JSON parser',
  jsonc: 'JSON-with-comments parser',
  dockerfile: 'dockerfile-utils',
  hcl: 'HCL2 parser',
  promql: 'PromQL grammar',
  shellcheck: 'ShellCheck',
  python: 'Python compiler',
} as const;

/** A validator id from {@link VALIDATORS}. */
export type ValidatorId = keyof typeof VALIDATORS;

/** Fence languages shown but deliberately not checked (output, prose, patches). */
export const UNCHECKED_LANGUAGES: ReadonlySet<string> = new Set(['console', 'text', 'diff']);

const BY_LANGUAGE: Record<string, ValidatorId> = {
  json: 'json',
  jsonc: 'jsonc',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  hcl: 'hcl',
  terraform: 'hcl',
  tf: 'hcl',
  promql: 'promql',
  bash: 'shellcheck',
  sh: 'shellcheck',
  shell: 'shellcheck',
  python: 'python',
  py: 'python',
};

const KINDS: ReadonlySet<string> = new Set(kubernetesKinds);

/** How code blocks' YAML is read: YAML 1.2 with `<<` merge keys, which Compose and kubectl accept. */
export const YAML_OPTIONS = { merge: true } as const;

/** What happens to one code block: which validators check it, or why none does. */
export type CheckPlan =
  | { type: 'check'; validators: ValidatorId[]; label: string }
  | { type: 'skip'; reason: string }
  | { type: 'allowed' }
  | { type: 'unchecked' }
  | { type: 'no-language' };

const SKIP = /(?:^|\s)skip-check(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?(?=\s|$)/;

/** Returns the opt-out reason of an info string's meta: `undefined` when there is no `skip-check`, `''` when it has no reason. */
export function skipReason(meta: string): string | undefined {
  const match = SKIP.exec(meta);
  if (!match) return undefined;
  return (match[1] ?? match[2] ?? match[3] ?? '').trim();
}

/** Returns whether a `bash`/`sh`/`shell` block is a console transcript (commands after `$ ` prompts). */
export function isTranscript(code: string): boolean {
  return /^\$ /m.test(code);
}

/** Returns the validator a YAML document of this shape gets, from its top-level keys. */
export function yamlShape(value: unknown): ValidatorId {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'yaml';
  const doc = value as Record<string, unknown>;
  if (typeof doc.apiVersion === 'string' && typeof doc.kind === 'string') {
    return KINDS.has(`${doc.apiVersion}/${doc.kind}`) ? 'kubernetes' : 'yaml';
  }
  if ('on' in doc && 'jobs' in doc) return 'actionlint';
  if ('services' in doc) return 'compose';
  if ('groups' in doc) return 'prometheus-rules';
  return 'yaml';
}

function yamlValidators(code: string): { validators: ValidatorId[]; kinds: string[] } {
  const found = new Set<ValidatorId>();
  const kinds: string[] = [];
  for (const doc of parseAllDocuments(code, YAML_OPTIONS)) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) {
      found.add('yaml');
      continue;
    }
    let value: Record<string, unknown>;
    try {
      value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    } catch {
      found.add('yaml'); // too many aliases: the checker reports it
      continue;
    }
    const shape = yamlShape(value);
    found.add(shape);
    if (shape === 'kubernetes') kinds.push(`${String(value.apiVersion)} ${String(value.kind)}`);
  }
  if (found.size === 0) found.add('yaml');
  return { validators: [...found], kinds: [...new Set(kinds)] };
}

/**
 * Returns how a code block is checked, from its fence language, info-string meta and text alone:
 * the one rule shared by `npm run check:code` and the "Checked" mark on the site.
 */
export function planCheck(lang: string, meta: string, code: string): CheckPlan {
  const language = lang.toLowerCase();
  if (!language) return { type: 'no-language' };
  const reason = skipReason(meta);
  if (reason !== undefined) return { type: 'skip', reason };
  if (UNCHECKED_LANGUAGES.has(language)) return { type: 'allowed' };
  if (language === 'yaml' || language === 'yml') {
    const { validators, kinds } = yamlValidators(code);
    const labels = validators.map((v) => (v === 'kubernetes' ? `${VALIDATORS.kubernetes} (${kinds.join(', ')})` : VALIDATORS[v]));
    return { type: 'check', validators, label: labels.join('; ') };
  }
  const validator = BY_LANGUAGE[language];
  if (!validator) return { type: 'unchecked' };
  return { type: 'check', validators: [validator], label: VALIDATORS[validator] };
}
