import type { Diagnostic, RuleId } from './diagnostics.ts';

/**
 * How strictly a tree is held to the handbook's standard:
 * `strict` fails on anything a reader would notice, `default` fails on broken links but builds pages
 * that merely lack a title or are empty, `lenient` (for trees written for GitHub) fails only where no
 * safe fallback exists.
 */
export type Strictness = 'lenient' | 'default' | 'strict';

/** The settings that decide whether a problem fails the build. */
export interface Policy {
  strictness: Strictness;
  /** `warn` keeps the older switch for links alone working. */
  links: 'error' | 'warn';
  /** The handbook wants a `level` on every page (`HANDBOOK_REQUIRE_LEVEL`): pages without one are reported. */
  requireLevel?: boolean | undefined;
}

/** Rules whose pages or links have a safe fallback, by the strictness at which they stop failing the build. */
const FALLBACK: Partial<Record<RuleId, 'default' | 'lenient'>> = {
  // The page is built with a title from a heading or its file name.
  'missing-title': 'default',
  // The page is left out of the site.
  'empty-file': 'default',
  // Links are left as written; images show their alt text.
  'missing-file': 'lenient',
  'missing-heading': 'lenient',
  'missing-readme': 'lenient',
  'outside-root': 'lenient',
  'absolute-path': 'lenient',
  // The field (or prerequisite) is ignored.
  'unknown-frontmatter-key': 'lenient',
  'invalid-frontmatter': 'lenient',
  'missing-prerequisite': 'lenient',
  // The cycle is broken in reading order on the learning path.
  'prerequisite-cycle': 'lenient',
  // The page is listed under "Not yet placed" (reported at all only when the handbook asks for levels).
  'missing-level': 'default',
};

const LINK_RULES = new Set<RuleId>(['missing-file', 'missing-heading', 'missing-readme', 'outside-root', 'absolute-path']);

/** Returns the severity a rule has under a policy; rules with no safe fallback are always errors. */
export function severityOf(rule: RuleId, policy: Policy): Diagnostic['severity'] {
  const from = FALLBACK[rule];
  if (from === undefined) return 'error';
  if (policy.links === 'warn' && LINK_RULES.has(rule)) return 'warning';
  if (policy.strictness === 'strict') return 'error';
  if (policy.strictness === 'lenient') return 'warning';
  return from === 'default' ? 'warning' : 'error';
}

/** Returns the diagnostics with the severity the policy gives their rule (warnings of their own stay warnings). */
export function applyPolicy(list: readonly Diagnostic[], policy: Policy): Diagnostic[] {
  return list.map((d) => (d.severity === 'warning' ? d : { ...d, severity: severityOf(d.rule, policy) }));
}

/** Reads `HANDBOOK_STRICT`: `true` is strict, `false` lenient, unset the default. */
export function parseStrictness(value: string | undefined): Strictness {
  const v = value?.trim().toLowerCase();
  if (!v) return 'default';
  if (v === 'true' || v === '1') return 'strict';
  if (v === 'false' || v === '0') return 'lenient';
  throw new Error(`HANDBOOK_STRICT must be "true" or "false", got "${value}".`);
}
