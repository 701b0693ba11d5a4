import type { Random } from './prng.ts';
import { contentWord, paragraph, TERMS } from './corpus-text.ts';

const kebab = (random: Random) => `${random.pick(TERMS)}-${random.pick(TERMS)}`;

const CODE: Record<string, (random: Random) => string[]> = {
  bash: (r) => [
    'set -euo pipefail',
    `export ${r.pick(TERMS).toUpperCase()}_DIR="/var/lib/${kebab(r)}"`,
    `for name in ${kebab(r)} ${kebab(r)} ${kebab(r)}; do`,
    `  echo "checking $name" && test -d "/srv/$name" || mkdir -p "/srv/$name"`,
    'done',
    `systemctl status ${kebab(r)} --no-pager | head -n ${r.int(5, 30)}`,
  ],
  yaml: (r) => [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${kebab(r)}`,
    `  namespace: ${r.pick(TERMS)}`,
    'spec:',
    `  replicas: ${r.int(1, 9)}`,
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${r.pick(TERMS)}`,
    `          image: registry.example.org/${kebab(r)}:${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 9)}`,
  ],
  dockerfile: (r) => [
    'FROM debian:12-slim',
    'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*',
    `COPY ${kebab(r)}/ /opt/${r.pick(TERMS)}/`,
    `ENV ${r.pick(TERMS).toUpperCase()}_PORT=${r.int(1024, 9999)}`,
    'USER 10001',
    `CMD ["/opt/${r.pick(TERMS)}/bin/start", "--${r.pick(TERMS)}"]`,
  ],
  python: (r) => [
    'import json',
    '',
    '',
    `def ${r.pick(TERMS)}_${r.pick(TERMS)}(path: str) -> dict:`,
    `    """Load the ${r.pick(TERMS)} report."""`,
    '    with open(path, encoding="utf-8") as handle:',
    '        data = json.load(handle)',
    `    return {key: value for key, value in data.items() if value > ${r.int(0, 100)}}`,
  ],
  json: (r) => [
    '{',
    `  "name": "${kebab(r)}",`,
    `  "version": "${r.int(0, 5)}.${r.int(0, 30)}.${r.int(0, 9)}",`,
    `  "${r.pick(TERMS)}": { "enabled": ${r.chance(0.5)}, "limit": ${r.int(1, 500)} }`,
    '}',
  ],
  hcl: (r) => [
    `resource "aws_s3_bucket" "${r.pick(TERMS)}" {`,
    `  bucket = "${kebab(r)}-${r.int(100, 999)}"`,
    '',
    '  tags = {',
    `    Team = "${r.pick(TERMS)}"`,
    '  }',
    '}',
  ],
};

/** Returns a fenced code block with a language and a few plausible lines. */
export function codeBlock(random: Random): string {
  const lang = random.pick(Object.keys(CODE));
  return ['```' + lang, ...CODE[lang]!(random), '```'].join('\n');
}

/** Returns a GFM table of 3 or 4 columns and 4 to 6 rows, with an aligned column and inline code. */
export function table(random: Random): string {
  const columns = random.int(3, 4);
  const header = Array.from({ length: columns }, () => contentWord(random).replace(/^./, (c) => c.toUpperCase()));
  const rows = Array.from({ length: random.int(4, 6) }, () =>
    Array.from({ length: columns }, (_, c) => (c === 0 ? `\`${kebab(random)}\`` : paragraph(random, 3).split('.')[0]!)),
  );
  const align = header.map((_, c) => (c === columns - 1 ? '---:' : '---'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Returns a GitHub task list of 3 to 5 items, some done. */
export function taskList(random: Random): string {
  return Array.from({ length: random.int(3, 5) }, () => `- [${random.chance(0.4) ? 'x' : ' '}] ${paragraph(random, 6).split('.')[0]}`).join(
    '\n',
  );
}

/** Returns a GitHub alert (`> [!NOTE]` and its siblings) of one or two sentences. */
export function alert(random: Random): string {
  const kind = random.pick(['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION']);
  return [`> [!${kind}]`, `> ${paragraph(random, 25)}`].join('\n');
}

/** Returns raw HTML a GitHub page might hold: a collapsible section, keys, a superscript and a line break. */
export function rawHtml(random: Random): string {
  return [
    '<details>',
    `<summary>Show the ${contentWord(random)} output</summary>`,
    '',
    paragraph(random, 40),
    '',
    '</details>',
    '',
    `<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the ${contentWord(random)}<sup>1</sup>.<br>`,
    `Then run it again with <code>--${contentWord(random)}</code>.</p>`,
  ].join('\n');
}
