/** Route of the full-page search, relative to the site's base. */
export const SEARCH_ROUTE = '/search/';

/** Returns the address of the search page for a query under the site's base (`/handbook/search/?q=…`). */
export function searchPageHref(base: string, query: string): string {
  const page = `${base.replace(/\/$/, '')}${SEARCH_ROUTE}`;
  return query === '' ? page : `${page}?q=${encodeURIComponent(query)}`;
}

function decodeLoosely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%E0%A4%A`) must not cost the reader the search form: decode what is valid.
    return segment
      .replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
        try {
          return decodeURIComponent(run);
        } catch {
          return ' ';
        }
      })
      .replace(/%[0-9a-f]?/gi, ' ');
  }
}

/** Returns the words of a missing page's address to offer as a query: its last segment, readable. */
export function queryFromMissingPath(pathname: string): string {
  const last = pathname.split('/').filter(Boolean).pop() ?? '';
  return decodeLoosely(last)
    .replace(/\.(?:html?|md)$/i, '')
    .replace(/[-_%\s]+/g, ' ')
    .trim();
}

/** Path in the output folder of the vocabulary the search suggestions use. */
export const VOCABULARY_FILE = 'pagefind/handbook-vocabulary.json';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Returns the OpenSearch description that lets a browser search the site from its address bar:
 * the template is the search page, absolute when the public origin is known.
 */
export function openSearchDescription(config: { title: string; base: string; site?: string | undefined }): string {
  const template = `${config.site ?? ''}${searchPageHref(config.base, '')}?q={searchTerms}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  <ShortName>${escapeXml(config.title.slice(0, 16))}</ShortName>`,
    `  <Description>Search ${escapeXml(config.title)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Url type="text/html" method="get" template="${escapeXml(template)}"/>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
