import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readSitesReady } from './global-setup.ts';

// The links of the section overview as its owner wrote them: each must resolve on the site.
const SEED_LINKS: Record<string, string> = {
  './docker/README.md': 'infrastructure/docker/',
  './kubernetes/README.md': 'infrastructure/kubernetes/',
  './cicd/README.md': 'infrastructure/cicd/',
  './terraform/README.md': 'infrastructure/terraform/',
  './monitoring/README.md': 'infrastructure/monitoring/',
  './RESOURCES.md': 'infrastructure/resources/',
  '../00-foundations/README.md': 'foundations/',
  '../01-programming/README.md': 'programming/',
  '../02-architectures/README.md': 'architectures/',
  '../03-methodologies/README.md': 'methodologies/',
  '../04-frontend/README.md': 'frontend/',
  '../05-backend/README.md': 'backend/',
  // The owner's "Cloud Platforms" link pointed at the cloud RESOURCES page; issue 14 corrected it to the README.
  '../07-cloud/README.md': 'cloud/',
  '../08-security/README.md': 'security/',
  '../09-ai-ml/README.md': 'ai-ml/',
  '../10-domain-examples/README.md': 'domain-examples/',
  '../11-case-studies/README.md': 'case-studies/',
  '../12-career/README.md': 'career/',
};

// The handbook is built once, in strict mode, by the global setup (wait-for-sites.ts fails this file if the build failed).
const run = { outDir: inject('handbookDir'), output: readSitesReady(inject('sitesReady'))!.handbookOutput };

describe('building the handbook in content/ in strict mode (an H1 on every page, no empty page, no broken link)', () => {
  it('succeeds with no content problem', () => {
    expect(run.output).toMatch(/^Built \d+ pages, /m);
    expect(run.output).not.toMatch(/errors?, \d+ warnings? in the content/);
  });

  it('writes the home page, the section, 404 and the search index', () => {
    for (const file of ['index.html', 'infrastructure/index.html', '404.html', 'pagefind/pagefind.js']) {
      expect(existsSync(join(run.outDir, file)), file).toBe(true);
    }
  });

  it('without HANDBOOK_SITE, leaves out canonical links and the sitemap and says so', () => {
    expect(readFileSync(join(run.outDir, 'index.html'), 'utf8')).not.toContain('rel="canonical"');
    expect(readFileSync(join(run.outDir, 'infrastructure/index.html'), 'utf8')).not.toContain('rel="canonical"');
    expect(existsSync(join(run.outDir, 'sitemap-index.xml'))).toBe(false);
    expect(run.output).toContain('Sitemap skipped and canonical links left out: set HANDBOOK_SITE');
  });

  it('resolves every link of the section overview to a built page', () => {
    const source = readFileSync('content/06-infrastructure/README.md', 'utf8');
    const html = readFileSync(join(run.outDir, 'infrastructure/index.html'), 'utf8');
    for (const [link, route] of Object.entries(SEED_LINKS)) {
      expect(source, link).toContain(`](${link})`);
      expect(html, route).toContain(`href="/${route}"`);
      expect(existsSync(join(run.outDir, route, 'index.html')), route).toBe(true);
    }
  });
});
