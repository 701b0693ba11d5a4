import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** One name a term is found by in prose; abbreviations and names with inner capitals match only as written. */
export interface TermName {
  text: string;
  caseSensitive: boolean;
}

/** One entry of the glossary. */
export interface GlossaryTerm {
  /** Heading id of the entry (as GitHub and rehype-slug make it). */
  id: string;
  /** The heading text, e.g. `Service level objective (SLO)`. */
  label: string;
  names: TermName[];
}

/** Returns whether a content-relative file is the handbook's glossary (`GLOSSARY.md` at the root, any case). */
export function isGlossaryFile(file: string): boolean {
  return /^glossary\.mdx?$/i.test(file);
}

// Headings are in sentence case, so a capital after the first letter (SLO, IaC, GitOps) marks a name or an
// abbreviation; names on the "Also called" line are written mid-sentence, so any capital does (Compose).
const caseSensitive = (name: string) => /\p{Lu}/u.test(name.slice(1));
const aliasCaseSensitive = (name: string) => /\p{Lu}/u.test(name);
const ALSO_CALLED = /^also called:\s*/i;

/** Returns the terms of a glossary parsed as mdast: one `###` heading per term, names from the heading and an "Also called:" line. */
export function readGlossary(tree: Root): GlossaryTerm[] {
  const slugger = new GithubSlugger();
  const terms: GlossaryTerm[] = [];
  tree.children.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const label = toString(node).trim();
    const id = slugger.slug(label);
    if (node.depth !== 3 || label === '') return;
    const match = /^(.*?)\s*\(([^()]+)\)$/.exec(label);
    const names: TermName[] = match
      ? [
          { text: match[1]!, caseSensitive: caseSensitive(match[1]!) },
          { text: match[2]!.trim(), caseSensitive: true },
        ]
      : [{ text: label, caseSensitive: caseSensitive(label) }];
    const next = tree.children[i + 1];
    const text = next?.type === 'paragraph' ? toString(next).trim() : '';
    if (ALSO_CALLED.test(text)) {
      const line = text.replace(ALSO_CALLED, '').split('\n')[0]!.replace(/\.$/, '');
      for (const alias of line
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean))
        names.push({ text: alias, caseSensitive: aliasCaseSensitive(alias) });
    }
    terms.push({ id, label, names: names.filter((n) => n.text !== '') });
  });
  return terms;
}

/** A glossary compiled for matching: one pattern over every name, and the terms each lower-cased name belongs to. */
export interface TermMatcher {
  pattern: RegExp;
  byName: Map<string, { term: GlossaryTerm; name: TermName }[]>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Returns a matcher for the terms, or undefined when there are none; longer names win over their prefixes. */
export function compileTerms(terms: readonly GlossaryTerm[]): TermMatcher | undefined {
  const byName = new Map<string, { term: GlossaryTerm; name: TermName }[]>();
  for (const term of terms)
    for (const name of term.names) {
      const key = name.text.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), { term, name }]);
    }
  if (byName.size === 0) return undefined;
  const alternatives = [...byName.keys()]
    .sort((a, b) => b.length - a.length || a.localeCompare(b, 'en'))
    .map((n) => escape(n).replace(/\s+/g, '\\s+'));
  // Whole words only; a trailing "s" lets plurals (SLOs, sidecars) link too.
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}_-])(${alternatives.join('|')})s?(?![\\p{L}\\p{N}_])`, 'giu'), byName };
}

/** A term found in a text: where the link goes and the text it covers. */
export interface TermHit {
  term: GlossaryTerm;
  start: number;
  end: number;
}

/** Returns the mentions in `text` of terms not yet in `used`, first mention of each term only; adds them to `used`. */
export function findTerms(text: string, matcher: TermMatcher, used: Set<string>): TermHit[] {
  const hits: TermHit[] = [];
  for (const m of text.matchAll(matcher.pattern)) {
    const written = m[1]!.replace(/\s+/g, ' ');
    const candidate = matcher.byName
      .get(written.toLowerCase())
      ?.find(({ name, term }) => !used.has(term.id) && (!name.caseSensitive || name.text === written));
    if (!candidate) continue;
    used.add(candidate.term.id);
    hits.push({ term: candidate.term, start: m.index, end: m.index + m[0].length });
  }
  return hits;
}
