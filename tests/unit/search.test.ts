import { describe, expect, it } from 'vitest';
import { applyFacets, countFacets, facetsByPage } from '../../src/lib/search-facets.ts';
import { openSearchDescription, queryFromMissingPath, searchPageHref } from '../../src/lib/search-link.ts';
import { fallbackNotice, fallbackSteps, mergeAnyResults, queryWords, topicWords, wordBeingTyped } from '../../src/lib/search-query.ts';
import { editDistance, suggestQuery, suggestWord } from '../../src/lib/search-suggest.ts';
import { SYNONYM_GROUPS } from '../../src/lib/search-synonyms.ts';
import { buildVocabulary, searchAliases } from '../../src/lib/search-terms.ts';

describe('fallbackSteps', () => {
  it('tries every word, then the topic words without question words, then any one of them', () => {
    expect(fallbackSteps('how do I roll back a bad deploy')).toEqual([
      { type: 'all', terms: ['how do I roll back a bad deploy'] },
      { type: 'topic', terms: ['roll back bad deploy'] },
      { type: 'any', terms: ['roll', 'back', 'bad', 'deploy'] },
    ]);
  });
  it('goes from every word straight to any word when the query has no common words', () => {
    expect(fallbackSteps('toil reduction')).toEqual([
      { type: 'all', terms: ['toil reduction'] },
      { type: 'any', terms: ['toil', 'reduction'] },
    ]);
  });
  it('has a single step for a single word, and none for an empty query', () => {
    expect(fallbackSteps(' terraform ')).toEqual([{ type: 'all', terms: ['terraform'] }]);
    expect(fallbackSteps('   ')).toEqual([]);
  });
  it('keeps a query of only common words as it is', () => {
    expect(fallbackSteps('what is it')).toEqual([
      { type: 'all', terms: ['what is it'] },
      { type: 'any', terms: ['what', 'is', 'it'] },
    ]);
  });
  it('leaves words no page has out of every step, so one unmatched word never empties the list', () => {
    expect(fallbackSteps('terraform modlues', new Set(['modlues']))).toEqual([{ type: 'topic', terms: ['terraform'] }]);
    expect(fallbackSteps('how to scale xyzzy pods', new Set(['xyzzy']))).toEqual([
      { type: 'topic', terms: ['scale pods'] },
      { type: 'any', terms: ['scale', 'pods'] },
    ]);
    expect(fallbackSteps('xyzzy', new Set(['xyzzy']))).toEqual([]);
  });
});

describe('query words', () => {
  it('lowercases, drops punctuation and possessives, and keeps each word once', () => {
    expect(queryWords("What's Kubernetes' role? Kubernetes, k8s & CI/CD")).toEqual(['what', 'kubernetes', 'role', 'k8s', 'ci', 'cd']);
  });
  it('finds the topic words of a question', () => {
    expect(topicWords('why does my pod keep restarting')).toEqual(['pod', 'restarting']);
  });
});

describe('mergeAnyResults', () => {
  it('ranks pages with more of the words first, then by summed score', () => {
    const merged = mergeAnyResults([
      [
        { id: 'a', score: 1 },
        { id: 'b', score: 5 },
      ],
      [
        { id: 'a', score: 2 },
        { id: 'c', score: 9 },
      ],
    ]);
    expect(merged).toEqual([
      { id: 'a', score: 3, matched: 2 },
      { id: 'c', score: 9, matched: 1 },
      { id: 'b', score: 5, matched: 1 },
    ]);
  });
});

describe('fallbackNotice', () => {
  it('says honestly which words the results have', () => {
    const query = 'how do I roll back a bad deploy';
    const steps = fallbackSteps(query);
    expect(steps.map((step) => fallbackNotice(query, step))).toEqual([
      undefined,
      'No page has all of ‘how do I roll back a bad deploy’. Pages with ‘roll back bad deploy’:',
      'No page has all of ‘how do I roll back a bad deploy’. Pages with some of these words:',
    ]);
  });
});

describe('suggestions', () => {
  const vocabulary = ['kubernetes', 'terraform', 'modules', 'docker', 'prometheus', 'terminal', 'state'];
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('terrafrom', 'terraform')).toBe(1);
    expect(editDistance('kubernets', 'kubernetes')).toBe(1);
    expect(editDistance('modlues', 'modules')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
  it('suggests the closest word, allowing more edits in longer words and none in short ones', () => {
    expect(suggestWord('terrafrom', vocabulary)).toBe('terraform');
    expect(suggestWord('promethues', vocabulary)).toBe('prometheus');
    expect(suggestWord('dcoker', vocabulary)).toBe('docker');
    expect(suggestWord('k8z', vocabulary)).toBeUndefined();
    expect(suggestWord('quasarnova', vocabulary)).toBeUndefined();
  });
  it('prefers fewer edits, then the same first letter, then the more frequent word', () => {
    expect(suggestWord('termform', ['terminal', 'terraform'])).toBe('terraform');
    expect(suggestWord('bate', ['date', 'base', 'gate'])).toBe('base');
    expect(suggestWord('sate', ['date', 'state', 'gate'])).toBe('state');
    expect(suggestWord('dat', ['dot', 'date'])).toBeUndefined();
    expect(suggestWord('cars', ['cart', 'card'])).toBe('cart');
    expect(suggestWord('cars', ['card', 'cart'])).toBe('card');
  });
  it('corrects only the unknown words of a query, and says nothing when there is nothing to correct', () => {
    expect(suggestQuery('Terraform modlues', vocabulary, new Set(['modlues']))).toBe('terraform modules');
    expect(suggestQuery('how do I use terrafrom state', vocabulary, new Set(['terrafrom']))).toBe('how do i use terraform state');
    expect(suggestQuery('terraform modules', vocabulary, new Set())).toBeUndefined();
    expect(suggestQuery('quasarnova', vocabulary, new Set(['quasarnova']))).toBeUndefined();
  });
});

describe('searchAliases', () => {
  it('adds the frontmatter aliases and the other names of the terms the title names', () => {
    expect(
      searchAliases({ title: 'Terraform and Infrastructure as Code', headings: [], aliases: ['tofu'] }, SYNONYM_GROUPS).strong,
    ).toEqual(['tofu', 'iac', 'tf', 'opentofu', 'hcl']);
  });
  it('ranks the other names of heading terms below those of the title, plurals included, without repeats', () => {
    const groups = [
      ['kubernetes', 'k8s'],
      ['persistentvolumeclaim', 'pvc'],
      ['service', 'svc'],
    ];
    expect(searchAliases({ title: 'Kubernetes storage', headings: ['PersistentVolumeClaims', 'Services and k8s'] }, groups)).toEqual({
      strong: [],
      weak: ['pvc', 'svc'],
    });
    expect(searchAliases({ title: 'Kubernetes', headings: ['Basics'] }, groups)).toEqual({ strong: ['k8s'], weak: [] });
  });
  it('finds the same names as looking for every term in the text, for titles and headings naming any term', () => {
    // The reference: every term of every group looked for in the whole text (singular or plural, whole words).
    const norm = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    const names = (text: string, term: string) =>
      norm(term) !== '' && (` ${text} `.includes(` ${norm(term)} `) || ` ${text} `.includes(` ${norm(term)}s `));
    const synonyms = (text: string, skip: string) =>
      SYNONYM_GROUPS.filter((group) => group.some((term) => names(text, term))).flatMap((group) =>
        group.filter((term) => !names(skip, term)),
      );
    const reference = (title: string, headings: string[]) => {
      const all = [norm(title), ...headings.map(norm)].join(' | ');
      const strong = new Set(synonyms(norm(title), all));
      return { strong: [...strong], weak: [...new Set(synonyms(all, all).filter((term) => !strong.has(term)))] };
    };
    const terms = SYNONYM_GROUPS.flat();
    let found = 0;
    terms.forEach((term, i) => {
      // Each term in a title, in a heading, plural, between other words and beside the next term.
      const next = terms[(i + 7) % terms.length]!;
      for (const [title, headings] of [
        [`All about ${term}`, [`Why ${next}s`, 'Pitfalls']],
        ['Overview', [`${term.toUpperCase()}s in practice`, `${next} and ${term}`]],
        [`${term}-${next}`, []],
      ] as [string, string[]][]) {
        const aliases = searchAliases({ title, headings }, SYNONYM_GROUPS);
        expect(aliases, `${title} / ${headings.join(' / ')}`).toEqual(reference(title, headings));
        found += aliases.strong.length + aliases.weak.length;
      }
    });
    expect(found).toBeGreaterThan(terms.length);
  });
  it('matches whole words only', () => {
    expect(
      searchAliases({ title: 'Cabinets', headings: ['Pipelines'] }, [
        ['ci', 'continuous integration'],
        ['pipeline', 'ci/cd'],
      ]).weak,
    ).toEqual(['ci/cd']);
  });
});

describe('buildVocabulary', () => {
  it('keeps the words of titles, aliases and headings, most frequent first, without short, numeric or common words', () => {
    const vocabulary = buildVocabulary([
      { title: 'Terraform State', headings: ['What is state?', 'Step 2'], aliases: ['tfstate'] },
      { title: 'Terraform Modules', headings: ['Modules in practice'], aliases: [] },
    ]);
    expect(vocabulary).toEqual(['terraform', 'modules', 'state', 'tfstate', 'practice', 'step']);
  });
});

describe('facets', () => {
  const byPage = facetsByPage([
    { name: 'level', value: 'beginner', ids: ['a', 'b'] },
    { name: 'level', value: 'advanced', ids: ['c'] },
    { name: 'section', value: 'Docker', ids: ['a', 'c'] },
    { name: 'section', value: 'Cloud', ids: ['b'] },
  ]);
  const results = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
  it('maps each page to its section and level', () => {
    expect(byPage.get('a')).toEqual({ level: 'beginner', section: 'Docker' });
    expect(byPage.get('d')).toBeUndefined();
  });
  it('filters results by level and section together', () => {
    expect(applyFacets(results, byPage, { level: 'beginner' }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(applyFacets(results, byPage, { level: 'beginner', section: 'Docker' }).map((r) => r.id)).toEqual(['a']);
    expect(applyFacets(results, byPage, {}).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('counts each filter with the other applied and itself not', () => {
    const counts = countFacets(results, byPage, { level: 'beginner' });
    expect(Object.fromEntries(counts.level)).toEqual({ beginner: 2, advanced: 1 });
    expect(Object.fromEntries(counts.section)).toEqual({ Docker: 1, Cloud: 1 });
  });
});

describe('search links', () => {
  it('addresses the search page under the base, with the query encoded', () => {
    expect(searchPageHref('/handbook/', 'ci/cd & k8s')).toBe('/handbook/search/?q=ci%2Fcd%20%26%20k8s');
    expect(searchPageHref('/', '')).toBe('/search/');
  });
  it('turns a missing address into a query, even when its escapes are malformed', () => {
    expect(queryFromMissingPath('/infrastructure/docker-volumes.html')).toBe('docker volumes');
    expect(queryFromMissingPath('/caf%C3%A9_guide/')).toBe('café guide');
    expect(() => queryFromMissingPath('/%E0%A4%A/')).not.toThrow();
    expect(queryFromMissingPath('/%E0%A4%A/')).toBe('');
    expect(queryFromMissingPath('/old-%E0%A4%A-kubernetes%20notes/')).toBe('old kubernetes notes');
    expect(queryFromMissingPath('/')).toBe('');
  });
  it('writes an OpenSearch description whose template is the search page', () => {
    const xml = openSearchDescription({ title: 'Ops & Dev <Handbook>', base: '/handbook/', site: 'https://example.org' });
    expect(xml).toContain('<Url type="text/html" method="get" template="https://example.org/handbook/search/?q={searchTerms}"/>');
    expect(xml).toContain('<ShortName>Ops &amp; Dev &lt;Handb</ShortName>');
  });
});

describe('wordBeingTyped', () => {
  const vocabulary = ['kubernetes', 'terraform', 'deployment', 'deploy', 'prometheus'];

  it('is the last word when it begins a longer word of the vocabulary', () => {
    expect(wordBeingTyped('kubern', vocabulary)).toBe('kubern');
    expect(wordBeingTyped('helm charts on Kubern', vocabulary)).toBe('kubern');
    expect(wordBeingTyped('deploy', vocabulary)).toBe('deploy');
  });

  it('is nothing for a whole word, a word no vocabulary word begins with, a short or common word, or an earlier word', () => {
    expect(wordBeingTyped('prometheus', vocabulary)).toBeUndefined();
    expect(wordBeingTyped('kubernetos', vocabulary)).toBeUndefined();
    expect(wordBeingTyped('te', vocabulary)).toBeUndefined();
    expect(wordBeingTyped('kubern how', vocabulary)).toBeUndefined();
    expect(wordBeingTyped('', vocabulary)).toBeUndefined();
  });
});
