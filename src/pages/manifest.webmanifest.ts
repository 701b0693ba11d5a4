import type { APIRoute } from 'astro';
import { webManifest } from '../lib/web-manifest.ts';
import { config } from 'virtual:handbook/config';

/** The web app manifest, written as `<base>manifest.webmanifest`. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(webManifest(config), null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
