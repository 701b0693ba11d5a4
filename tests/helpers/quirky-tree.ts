import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A broken link the generator planted: where it is and which rule must report it. */
export interface PlantedProblem {
  file: string;
  line: number;
  rule: 'missing-file' | 'absolute-path' | 'missing-heading';
}

const SECTIONS = [
  'getting-started',
  'linux',
  'networking',
  'containers',
  'kubernetes',
  'ci-cd',
  'terraform',
  'observability',
  'security',
  'cloud',
  'ai-ml',
  'career',
];

/**
 * Writes a GitHub-style Markdown tree that imitates real-world quirks: 13 pages per numbered
 * section plus the home page (157 pages with the default 12 sections), a README per folder, UPPER_CASE and kebab-case names, emoji-led headings, links to
 * folders, absolute filesystem paths, links to pages never written, code blocks without a
 * language, pages of more than 100 KB, and raw `<a href>`s written as the site's own addresses.
 * Returns the broken links it planted.
 */
export function writeQuirkyTree(root: string, sectionCount = SECTIONS.length): { pages: number; problems: PlantedProblem[] } {
  const problems: PlantedProblem[] = [];
  let pages = 0;
  const write = (file: string, lines: string[]) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), `${lines.join('\n')}\n`);
    pages += 1;
  };
  const plant = (file: string, lines: string[], text: string, rule: PlantedProblem['rule']) => {
    lines.push(text);
    problems.push({ file, line: lines.length, rule });
  };

  const sections = Array.from({ length: sectionCount }, (_, i) =>
    i < SECTIONS.length ? SECTIONS[i]! : `${SECTIONS[i % SECTIONS.length]}-${i}`,
  );
  write('README.md', ['# Quirky Handbook', '', ...sections.map((s, i) => `- [${s}](./${String(i).padStart(2, '0')}-${s}/)`)]);
  sections.forEach((name, i) => {
    const dir = `${String(i).padStart(2, '0')}-${name}`;
    const readme: string[] = [
      `# 📚 ${name}`,
      '',
      `Section ${name}. Start with [the guide](./GUIDE.md) or the [deep dive folder](./deep-dive).`,
      '',
      '## 🎯 What is it?',
      '',
      'Plain text.',
    ];
    readme.push('', `Back [home](../README.md) and to the [emoji heading](#-what-is-it).`);
    plant(`${dir}/README.md`, readme, `An absolute path: [notes](/home/someone/docs/${name}.md).`, 'absolute-path');
    write(`${dir}/README.md`, readme);
    const guide: string[] = [
      `# ${name.toUpperCase()} guide`,
      '',
      `Read the [section](./README.md#-what-is-it) first.`,
      '',
      '```',
      'a plain block',
      '  without a language',
      '```',
    ];
    plant(`${dir}/GUIDE.md`, guide, `Later: [a page never written](./coming-later.md).`, 'missing-file');
    write(`${dir}/GUIDE.md`, guide);
    write(`${dir}/MLOPS_NOTES.md`, [
      `# Notes on ${name}`,
      '',
      'Upper-case file name with an underscore.',
      '',
      `See [the guide](GUIDE.md).`,
    ]);
    for (let n = 1; n <= 9; n += 1) {
      const file = `${dir}/topic-${n}-kebab-case.md`;
      const lines = [
        `# 🔧 Topic ${n} of ${name}`,
        '',
        `Links: [previous](./topic-${Math.max(1, n - 1)}-kebab-case.md), [folder](./deep-dive/), [folder without slash](./deep-dive).`,
      ];
      if (n === 9) plant(file, lines, `A wrong anchor: [guide](./GUIDE.md#no-such-heading).`, 'missing-heading');
      // Raw HTML with the very address the Markdown folder links above are rewritten to: still an absolute path to check.
      if (n === 2) plant(file, lines, `The site's own address as raw HTML: <a href="/${name}/deep-dive/">deep dive</a>.`, 'absolute-path');
      if (n === 1 && i % 3 === 0) {
        // A page of more than 100 KB.
        for (let k = 0; k < 900; k += 1)
          lines.push(
            '',
            `## Part ${k}`,
            '',
            `Paragraph ${k} of a long page about ${name}, written to make this page larger than one hundred kilobytes in total.`,
          );
      }
      write(file, lines);
    }
    write(`${dir}/deep-dive/README.md`, [`# Deep dive: ${name}`, '', 'A folder index.', '', `[Up](../README.md)`]);
  });
  return { pages, problems };
}
