import { planCheck, type CheckPlan, type ValidatorId } from '../lib/code-checks.ts';
import type { CodeBlock } from '../lib/code-blocks.ts';
import { checkPython } from './python.ts';
import { checkShell } from './shell.ts';
import { checkDockerfile, checkHcl, checkJson, checkPromqlBlock } from './simple-validators.ts';
import type { BlockInput, Finding } from './types.ts';
import { YamlValidator } from './yaml-block.ts';

/** A code block of a file, as the checker reports it. */
export interface FileBlock extends CodeBlock {
  /** The file's path as shown in messages (relative to the working directory where possible). */
  file: string;
}

/** One problem of a run: `file:line language validator: message`. */
export interface CodeProblem {
  file: string;
  line: number;
  language: string;
  validator: string;
  message: string;
}

/** A block with its plan and whether it failed. */
export interface CheckedBlock {
  block: FileBlock;
  plan: CheckPlan;
  failed: boolean;
}

/** External programs the checker runs. */
export interface Tools {
  shellcheck?: string;
  python?: string;
}

const YAML_VALIDATORS: ReadonlySet<ValidatorId> = new Set(['yaml', 'kubernetes', 'actionlint', 'compose', 'prometheus-rules']);

function problem(block: FileBlock, validator: string, finding: Finding): CodeProblem {
  return {
    file: block.file,
    line: block.firstLine + finding.line - 1,
    language: block.lang || '(none)',
    validator,
    message: finding.message,
  };
}

/**
 * Validates every code block by its plan and returns all problems of the run together: the cheap
 * parsers in this process, ShellCheck and Python each once for all their blocks.
 */
export async function checkBlocks(
  blocks: readonly FileBlock[],
  tools: Tools = {},
): Promise<{ problems: CodeProblem[]; results: CheckedBlock[] }> {
  const plans = blocks.map((block) => ({ block, plan: planCheck(block.lang, block.meta, block.value) }));
  const problems: CodeProblem[] = [];
  const failed = new Set<number>();
  const report = (index: number, validator: string, findings: readonly Finding[]) => {
    for (const finding of findings) problems.push(problem(plans[index]!.block, validator, finding));
    if (findings.length > 0) failed.add(index);
  };
  const inputs = (id: ValidatorId): BlockInput[] =>
    plans.flatMap((p, i) =>
      p.plan.type === 'check' && p.plan.validators.includes(id) ? [{ id: i, code: p.block.value, lang: p.block.lang }] : [],
    );

  plans.forEach(({ block, plan }, i) => {
    // Problems of the fence itself are reported at the fence line.
    const atFence = (validator: string, message: string) => {
      problems.push(problem({ ...block, firstLine: block.fenceLine }, validator, { line: 1, message }));
      failed.add(i);
    };
    if (plan.type === 'no-language') atFence('fence', 'code block has no language; name it (`text` for output and diagrams)');
    if (plan.type === 'skip' && plan.reason === '')
      atFence('skip-check', 'opt-out without a reason; write skip-check="why this block cannot be checked"');
  });

  const shell = checkShell(inputs('shellcheck'), tools.shellcheck);
  const python = checkPython(inputs('python'), tools.python);
  // Awaited below; until then a failure to start a tool must not count as an unhandled rejection.
  for (const pending of [shell, python]) pending.catch(() => undefined);
  const yamlBlocks = plans.flatMap((p, i) => (p.plan.type === 'check' && p.plan.validators.some((v) => YAML_VALIDATORS.has(v)) ? [i] : []));
  const yaml = new YamlValidator();
  for (const i of yamlBlocks) {
    for (const finding of await yaml.validate(plans[i]!.block.value)) report(i, finding.validator, [finding]);
  }
  for (const { id, code } of inputs('json')) report(id, 'json', checkJson(code, false));
  for (const { id, code } of inputs('jsonc')) report(id, 'jsonc', checkJson(code, true));
  for (const { id, code } of inputs('dockerfile')) report(id, 'dockerfile-utils', checkDockerfile(code));
  for (const { id, code } of inputs('promql')) report(id, 'promql', checkPromqlBlock(code));
  for (const { id, code } of inputs('hcl')) report(id, 'hcl2', await checkHcl(code));
  for (const [id, findings] of await shell) report(id, 'shellcheck', findings);
  for (const [id, findings] of await python) report(id, 'python', findings);

  return { problems, results: plans.map((p, i) => ({ ...p, failed: failed.has(i) })) };
}
