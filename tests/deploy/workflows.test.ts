import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { isPair, isScalar, parse, parseDocument, visit } from 'yaml';
import { lintWorkflow } from '../../src/code-check/actionlint.ts';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'timeout-minutes'?: number;
  permissions?: Record<string, string> | string;
  steps?: Step[];
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const files = globSync('.github/workflows/*.{yml,yaml}').sort();
const source = (file: string) => readFileSync(file, 'utf8');
const workflow = (file: string) => parse(source(file)) as Workflow;
const pullRequest = workflow('.github/workflows/pull-request.yml');
const pages = workflow('.github/workflows/pages.yml');

/** Every `uses:` of a workflow with the comment on its line. */
function usesWithComments(text: string): { uses: string; comment: string | undefined }[] {
  const found: { uses: string; comment: string | undefined }[] = [];
  visit(parseDocument(text), {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
        found.push({ uses: String(pair.value.value), comment: pair.value.comment?.trim() });
      }
    },
  });
  return found;
}

describe('the GitHub workflows', () => {
  it('are the pull-request and Pages workflows', () => {
    expect(files).toEqual(['.github/workflows/pages.yml', '.github/workflows/pull-request.yml']);
  });

  it.each(files)('%s passes actionlint', async (file) => {
    expect(await lintWorkflow(source(file), file)).toEqual([]);
  });

  it.each(files)('%s pins every action by full commit SHA with a version comment', (file) => {
    const uses = usesWithComments(source(file));
    expect(uses.length).toBeGreaterThan(0);
    for (const { uses: ref, comment } of uses) {
      expect(ref, ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(comment, ref).toMatch(/^v\d+\.\d+\.\d+$/);
    }
  });

  it.each(files)('%s reads only the repository by default and limits every job in time', (file) => {
    const wf = workflow(file);
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job['timeout-minutes'], name).toBeGreaterThan(0);
      expect(job['timeout-minutes'], name).toBeLessThanOrEqual(30);
    }
  });

  it('grants write access only to the job that deploys, which runs nothing from the repository', () => {
    const writers = [pullRequest, pages].flatMap((wf) =>
      Object.entries(wf.jobs).filter(
        ([, job]) => typeof job.permissions === 'string' || Object.values(job.permissions ?? {}).includes('write'),
      ),
    );
    expect(writers.map(([name]) => name)).toEqual(['deploy']);
    const [, deploy] = writers[0]!;
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps?.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('checks pull requests with the same commands as a contributor, then uploads the built site', () => {
    expect(Object.keys(pullRequest.on)).toEqual(['pull_request']);
    const steps = Object.values(pullRequest.jobs).flatMap((job) => job.steps ?? []);
    expect(steps.filter((s) => s.run).map((s) => s.run)).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run check',
      'npm run typecheck',
      'npm test',
      'npm run build',
    ]);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('dist/');
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
  });

  it("restores the check's per-page caches after the install and before the check, keyed on the locked packages and the checker's code", () => {
    const steps = Object.values(pullRequest.jobs).flatMap((job) => job.steps ?? []);
    const at = (find: (s: Step) => boolean) => steps.findIndex(find);
    const cache = steps[at((s) => s.uses?.startsWith('actions/cache@') ?? false)];
    expect(cache?.with?.path).toBe('node_modules/.cache/handbook-*');
    const key = String(cache?.with?.key);
    for (const input of [
      'package-lock.json',
      'patches/**',
      'scripts/check.ts',
      'src/data/**',
      'src/code-check/**',
      'cspell-words.txt',
      '.markdownlint-cli2.mjs',
    ])
      expect(key).toContain(`'${input}'`);
    // Each run saves its answers under a key of its own; a later run restores the newest with the same checker.
    expect(key).toMatch(/-\$\{\{ github\.run_id \}\}$/);
    const [sameChecker] = String(cache?.with?.['restore-keys']).split('\n');
    expect(`${sameChecker}\${{ github.run_id }}`).toBe(key);
    expect(at((s) => s.run === 'npm ci --no-audit --no-fund')).toBeLessThan(at((s) => s === cache));
    expect(at((s) => s === cache)).toBeLessThan(at((s) => s.run === 'npm run check'));
  });

  it('cancels a superseded pull-request run but never a Pages deployment under way', () => {
    expect(pullRequest.concurrency).toEqual({ group: 'pull-request-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
    expect(pages.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds main for its Pages address and the repository, then deploys with the official actions', () => {
    expect(pages.on).toMatchObject({ push: { branches: ['main'] } });
    const steps = Object.values(pages.jobs).flatMap((job) => job.steps ?? []);
    const build = steps.find((s) => s.run === 'npm run build');
    expect(build?.env).toEqual({
      HANDBOOK_SITE: '${{ steps.pages.outputs.origin }}',
      HANDBOOK_BASE: '${{ steps.pages.outputs.base_path }}',
      HANDBOOK_REPO_URL: '${{ github.server_url }}/${{ github.repository }}',
      HANDBOOK_REPO_BRANCH: '${{ github.ref_name }}',
    });
    const actions = steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(actions).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
  });
});

describe('the other .github files', () => {
  const forms = globSync('.github/ISSUE_TEMPLATE/*.yml')
    .filter((f) => !f.endsWith('config.yml'))
    .sort();

  it('offers issue forms for a content error, a new topic and a site bug, and no blank issues', () => {
    expect(forms.map((f) => (parse(source(f)) as { name: string }).name)).toEqual(['Content error', 'New topic', 'Site bug']);
    expect(parse(source('.github/ISSUE_TEMPLATE/config.yml'))).toEqual({ blank_issues_enabled: false });
  });

  it.each(forms)('%s is a valid issue form: typed fields with unique ids and labels', (file) => {
    const form = parse(source(file)) as {
      name: string;
      description: string;
      body: { type: string; id?: string; attributes: Record<string, unknown> }[];
    };
    expect(form.description).toBeTruthy();
    const types = ['markdown', 'input', 'textarea', 'dropdown', 'checkboxes'];
    for (const field of form.body) expect(types).toContain(field.type);
    const inputs = form.body.filter((f) => f.type !== 'markdown');
    expect(inputs.length).toBeGreaterThan(1);
    expect(new Set(inputs.map((f) => f.id)).size).toBe(inputs.length);
    for (const field of inputs) expect(field.attributes.label, `${file} ${field.id}`).toBeTruthy();
    for (const field of form.body.filter((f) => f.type === 'dropdown'))
      expect((field.attributes.options as string[]).length).toBeGreaterThan(1);
  });

  it('asks the pull request what changed, why, and how it was checked', () => {
    const template = source('.github/pull_request_template.md');
    expect(template.match(/^## .+$/gm)).toEqual(['## What changed', '## Why', '## How it was checked']);
    expect(template).toContain('`npm run check`');
  });

  it('has Dependabot update npm, the actions and the base images weekly, each as one grouped pull request', () => {
    const config = parse(source('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string; schedule: { interval: string }; groups: Record<string, { patterns: string[] }> }[];
    };
    expect(config.updates.map((u) => u['package-ecosystem'])).toEqual(['npm', 'github-actions', 'docker']);
    for (const update of config.updates) {
      expect(update.schedule.interval).toBe('weekly');
      expect(Object.values(update.groups).map((g) => g.patterns)).toEqual([['*']]);
    }
  });
});
