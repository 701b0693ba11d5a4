import { describe, expect, it } from 'vitest';
import { listKubernetesKinds } from '../../src/code-check/kubernetes-kinds.ts';
import type { CheckedBlock } from '../../src/code-check/check-blocks.ts';
import { formatCodeReport, summarize, tooManyOptOuts } from '../../src/code-check/report.ts';
import { transcriptCommands } from '../../src/code-check/shell.ts';
import { substituteGrafanaVariables } from '../../src/code-check/promql.ts';
import { extractCodeBlocks } from '../../src/lib/code-blocks.ts';
import { planCheck, skipReason } from '../../src/lib/code-checks.ts';
import kubernetesKinds from '../../src/lib/kubernetes-kinds.json' with { type: 'json' };

describe('extractCodeBlocks', () => {
  it('returns every fenced block with its fence and first code line in the file, frontmatter included', () => {
    const markdown = [
      '---',
      'title: x',
      '---',
      '',
      '```yaml skip-check="Helm"',
      'a: 1',
      '```',
      '',
      '- item',
      '',
      '  ~~~Bash',
      '  echo hi',
      '  ~~~',
      '',
      '> ```',
      '> plain',
      '> ```',
      '',
      '    indented code is not fenced',
    ].join('\n');
    expect(extractCodeBlocks(markdown)).toEqual([
      { lang: 'yaml', meta: 'skip-check="Helm"', value: 'a: 1', fenceLine: 5, firstLine: 6 },
      { lang: 'bash', meta: '', value: 'echo hi', fenceLine: 11, firstLine: 12 },
      { lang: '', meta: '', value: 'plain', fenceLine: 15, firstLine: 16 },
    ]);
  });
});

describe('planCheck', () => {
  it('picks the validator by language and, for YAML, by the shape of each document', () => {
    expect(planCheck('yaml', '', 'apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment')).toEqual({
      type: 'check',
      validators: ['kubernetes'],
      label: 'Kubernetes API schema (v1 Service, apps/v1 Deployment)',
    });
    expect(planCheck('yml', '', 'on: push\njobs: {}')).toMatchObject({ validators: ['actionlint'], label: 'actionlint' });
    expect(planCheck('yaml', '', 'services: {}')).toMatchObject({ validators: ['compose'] });
    expect(planCheck('yaml', '', 'groups: []')).toMatchObject({ validators: ['prometheus-rules'] });
    expect(planCheck('yaml', '', 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor')).toMatchObject({
      validators: ['yaml'],
      label: 'YAML parser',
    });
    expect(planCheck('Terraform', '', '')).toEqual({ type: 'check', validators: ['hcl'], label: 'HCL2 parser' });
    expect(planCheck('sh', '', 'ls')).toMatchObject({ validators: ['shellcheck'] });
    expect(planCheck('console', '', '$ ls')).toEqual({ type: 'allowed' });
    expect(planCheck('go', '', 'package main')).toEqual({ type: 'unchecked' });
    expect(planCheck('', '', 'x')).toEqual({ type: 'no-language' });
    expect(planCheck('yaml', 'skip-check="Helm template"', '{{ x }}')).toEqual({ type: 'skip', reason: 'Helm template' });
  });

  it('reads the opt-out reason in double, single or no quotes, and an empty one when it is missing', () => {
    expect(skipReason('skip-check="Helm template, rendered by helm"')).toBe('Helm template, rendered by helm');
    expect(skipReason("title=x skip-check='partial'")).toBe('partial');
    expect(skipReason('skip-check=fragment')).toBe('fragment');
    expect(skipReason('skip-check')).toBe('');
    expect(skipReason('skip-check=""')).toBe('');
    expect(skipReason('no-skip-check-here')).toBeUndefined();
  });
});

describe('code check helpers', () => {
  it('keeps the commands of a console transcript on their lines and blanks the output', () => {
    expect(transcriptCommands('$ docker run \\\n    nginx\nHello\n$ echo done\ndone')).toBe('docker run \\\n    nginx\n\necho done\n');
  });

  it('replaces Grafana variables without moving the rest of the query', () => {
    const query = 'rate(x{job="$job"}[$__rate_interval]) > ${threshold}';
    const out = substituteGrafanaVariables(query);
    expect(out).toBe('rate(x{job="v___"}[5m              ]) > v___________');
    expect(out).toHaveLength(query.length);
  });

  it('keeps the Kubernetes kinds catalogue in step with the installed kubernetes-models', () => {
    // After upgrading kubernetes-models: node scripts/kubernetes-kinds.ts (through npx or npm exec, for Node 24).
    expect(kubernetesKinds).toEqual(listKubernetesKinds());
  });
});

describe('code check report', () => {
  const block = (lang: string, line: number) => ({ lang, meta: '', value: '', fenceLine: line, firstLine: line + 1, file: 'content/a.md' });
  const results: CheckedBlock[] = [
    { block: block('yaml', 1), plan: { type: 'check', validators: ['yaml'], label: 'YAML parser' }, failed: true },
    { block: block('yaml', 5), plan: { type: 'skip', reason: 'Helm template' }, failed: false },
    { block: block('go', 9), plan: { type: 'unchecked' }, failed: false },
  ];

  it('summarizes blocks, checked, skipped and failed per language', () => {
    expect(summarize(results)).toEqual([
      { language: 'yaml', blocks: 2, checked: 1, skipped: 1, failed: 1 },
      { language: 'go', blocks: 1, checked: 0, skipped: 0, failed: 0 },
    ]);
    expect(tooManyOptOuts(results)).toBe(true);
  });

  it('prints problems first, then the table, the opt-outs and the unchecked languages', () => {
    const problem = { file: 'content/a.md', line: 2, language: 'yaml', validator: 'yaml', message: 'bad' };
    expect(formatCodeReport([problem], results).split('\n')).toEqual([
      'content/a.md:2 yaml yaml: bad',
      '',
      'language  blocks  checked  skipped  failed',
      'yaml           2        1        1       1',
      'go             1        0        0       0',
      'total          3        1        1       1',
      '',
      'Opted out: 1 of 3 blocks (33.3%, at most 10% allowed)',
      '  content/a.md:5 yaml: Helm template',
      'Unchecked languages (no validator): go (1)',
      'Too many opt-outs: check more blocks or fix them (at most 10% allowed).',
      'Code blocks: 1 problem.',
    ]);
  });
});
