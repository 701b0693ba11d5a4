import { createRandom, type Random } from './prng.ts';

const FUNCTION_WORDS = (
  'the a of to and in is that for it as with on be by this are or from at an which can you not when ' +
  'each your if one all we more than then its only also into so has before after every other these most ' +
  'will does there should must may how what where their some any while over both much such them'
).split(' ');

/** Words of the field, roughly by how often a DevOps handbook uses them (most frequent first). */
export const TERMS = (
  'service container image cluster pipeline build deploy server network config file node pod log metric ' +
  'release version change test request user team cloud storage volume secret key token policy role access ' +
  'alert dashboard trace latency error budget incident rollback canary replica load balancer proxy cache ' +
  'queue database backup restore region zone subnet route firewall certificate domain registry artifact ' +
  'branch commit merge review workflow job runner agent module provider state plan apply resource variable ' +
  'output template chart manifest namespace deployment ingress controller operator scheduler kernel process ' +
  'thread memory disk socket port protocol packet header payload endpoint client library package dependency ' +
  'runtime shell script command terminal editor repository monitoring logging tracing observability ' +
  'availability reliability scaling capacity throughput quota limit threshold schedule retention encryption ' +
  'authentication authorization identity audit compliance vulnerability patch upgrade migration downtime ' +
  'outage failover replication consistency partition shard index query schema table column stream event ' +
  'message broker topic consumer producer webhook trigger environment staging production sandbox preview ' +
  'feature flag toggle experiment rollout strategy health probe readiness liveness restart crash signal ' +
  'terraform kubernetes docker ansible helm prometheus grafana nginx linux systemd git python yaml json bash'
).split(' ');

const VERBS = (
  'runs keeps checks sends reads writes starts stops builds ships watches reports stores signs scans ' +
  'measures limits routes retries drops opens closes loads renders caches rotates tags pins pulls pushes'
).split(' ');

const SYLLABLES = 'ka lo mi ter van sol dra fen quo ri ben tal mor zen pe lux cor dim sa vo nar gri hel tio'.split(' ');

/** Returns `count` made-up words (the long tail of names, identifiers and rare words real pages carry). */
function tailWords(count: number): string[] {
  const random = createRandom('corpus-tail-words');
  const words = new Set<string>();
  while (words.size < count) {
    const parts = random.int(2, 4);
    words.add(Array.from({ length: parts }, () => random.pick(SYLLABLES)).join(''));
  }
  return [...words];
}

const COMMON_WORDS = [...TERMS, ...VERBS];
const TAIL_WORDS = tailWords(6000);

/** Returns one content word: a term of the field or a verb, and one time in eight a word from the long tail. */
export function contentWord(random: Random): string {
  return random.chance(0.125) ? TAIL_WORDS[random.skewed(TAIL_WORDS.length)]! : COMMON_WORDS[random.skewed(COMMON_WORDS.length)]!;
}

/** Returns a sentence of 8 to 20 words ending in a full stop, sometimes with inline code or bold text. */
export function sentence(random: Random): string {
  const length = random.int(8, 20);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1)
    words.push(random.chance(0.45) ? FUNCTION_WORDS[random.skewed(FUNCTION_WORDS.length)]! : contentWord(random));
  if (random.chance(0.12)) words.splice(random.int(1, length - 1), 0, `\`${random.pick(TERMS)} ${random.pick(VERBS)}\``);
  else if (random.chance(0.08)) words.splice(random.int(1, length - 1), 0, `**${random.pick(TERMS)}**`);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Returns a paragraph of about `words` words. */
export function paragraph(random: Random, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentence(random);
    sentences.push(s);
    count += s.split(' ').length;
  }
  return sentences.join(' ');
}

/** Returns a title-like phrase of two or three capitalised words, distinct for each call of a page's `used` set. */
export function phrase(random: Random, used: Set<string>, prefix = ''): string {
  for (;;) {
    const words = Array.from({ length: random.int(2, 3) }, () => random.pick(TERMS));
    const text = `${prefix}${words.join(' ')}`;
    const key = text.toLowerCase();
    if (!used.has(key) && new Set(words).size === words.length) {
      used.add(key);
      return `${text[0]!.toUpperCase()}${text.slice(1)}`;
    }
  }
}

/** Returns the number of words of Markdown prose, counting what a reader would count as a word. */
export function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
