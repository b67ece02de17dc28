/** Checks of one schema-valid policy file that JSON Schema cannot express: globs, regexes, units, escalation. */
import { quantityOf, unitKind } from '../engine/units.js';
import type { Rule } from '../model/policy.js';
import { riskRank } from '../model/risk.js';
import { fileGlobProblem, keyGlobProblem } from './globs.js';
import type { PolicyFile } from './merge.js';
import { linePatternProblem } from './regex-safety.js';
import type { LocatedMessage } from './schema.js';
import type { Path } from './source.js';

type Check = (value: string) => string | null;

export function fileProblems(file: PolicyFile): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  const each = (values: string[] | undefined, at: Path, what: string, check: Check) => {
    values?.forEach((value, index) => {
      const problem = check(value);
      if (problem)
        problems.push({ path: [...at, index], part: 'value', message: `${what} \`${value}\` ${problem}` });
    });
  };
  file.config_files?.forEach((entry, index) => {
    const glob = typeof entry === 'string' ? entry : entry.glob;
    const at: Path = typeof entry === 'string' ? ['config_files', index] : ['config_files', index, 'glob'];
    const problem = fileGlobProblem(glob);
    if (problem) problems.push({ path: at, part: 'value', message: `file glob \`${glob}\` ${problem}` });
  });
  each(file.redact, ['redact'], 'key glob', keyGlobProblem);
  file.rules?.forEach((rule, index) => {
    const at: Path = ['rules', index];
    each(rule.files, [...at, 'files'], 'file glob', fileGlobProblem);
    each(rule.keys, [...at, 'keys'], 'key glob', keyGlobProblem);
    each(rule.lines, [...at, 'lines'], 'line pattern', linePatternProblem);
    problems.push(...ruleValueProblems(rule, at));
  });
  return problems;
}

const UNITS = 'ms, s, m, h, d, B, KB, KiB, MB, MiB, GB, GiB or %';

function ruleValueProblems(rule: Rule, at: Path): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  const add = (path: Path, message: string) =>
    problems.push({ path: [...at, ...path], part: 'value', message });
  for (const bound of ['above', 'below'] as const) {
    const value = rule.when?.[bound];
    if (value !== undefined && quantityOf(value) === null) {
      add(
        ['when', bound],
        `\`${bound}\` must be a number or a value with a unit such as \`10s\`, \`1MiB\` or \`5%\`, not \`${value}\``,
      );
    }
  }
  if (rule.when?.factor_at_least !== undefined && !rule.load) {
    add(
      ['when', 'factor_at_least'],
      '`factor_at_least` needs `load` in the same rule (the load factor comes from `load.scales`)',
    );
  }
  const unit = rule.load?.unit;
  if (unit !== undefined && unitKind(unit) === null)
    add(['load', 'unit'], `unknown unit \`${unit}\`; use ${UNITS}`);
  rule.escalate?.forEach((step, index) => {
    if (riskRank(step.risk) <= riskRank(rule.risk)) {
      add(
        ['escalate', index, 'risk'],
        `escalation to \`${step.risk}\` never applies: the rule's risk is already \`${rule.risk}\`; escalate to a higher risk`,
      );
    }
  });
  return problems;
}
