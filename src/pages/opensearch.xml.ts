import type { APIRoute } from 'astro';
import { openSearchDescription } from '../lib/search-link.ts';
import { config } from 'virtual:handbook/config';

/** The OpenSearch description (`<base>opensearch.xml`): the browser's "search this site" lands on the search page. */
export const GET: APIRoute = () =>
  new Response(openSearchDescription(config), { headers: { 'Content-Type': 'application/opensearchdescription+xml' } });
