import type { ChangeKind, Policy, Rule, Scalar } from '../model/policy.js';
import { BUILTIN_RULE, type Finding } from '../model/report.js';
import { maxRisk, riskRank, type Risk } from '../model/risk.js';
import type { ChangedFile } from '../model/snapshot.js';
import { conditionsHold, loadFactor } from './conditions.js';
import { diffConfig, type KeyChange } from './config/index.js';
import { compileConfigFormat, compileGatePaths, runsRiskgate } from './files.js';
import { compileFileGlobs } from './glob.js';
import { compileKeyGlobs, compileSecretTest, matchSegments, type KeyMatcher } from './keys.js';
import { addedLines } from './lines.js';

export const REDACTED = '[redacted]';

interface CompiledRule {
  rule: Rule;
  files: (path: string) => boolean;
  keys: KeyMatcher | null;
  lines: RegExp[];
}

const compileRule = (rule: Rule): CompiledRule => ({
  rule,
  files: compileFileGlobs(rule.files),
  keys: rule.keys?.length ? compileKeyGlobs(rule.keys) : null,
  lines: (rule.lines ?? []).map((source) => new RegExp(source)),
});

const isFileRule = ({ rule }: CompiledRule) => !rule.keys?.length && !rule.lines?.length;

function escalated(rule: Rule, factor: number | null): Risk {
  const reached = (rule.escalate ?? []).filter((step) => factor !== null && factor >= step.factor);
  return maxRisk(rule.risk, ...reached.map((step) => step.risk));
}

const fileChange = (file: ChangedFile): ChangeKind =>
  file.base === null ? 'added' : file.head === null ? 'removed' : 'changed';

/** Rule matches, highest risk first, as one finding's rules/why/risk. */
function combine(matches: { rule: Rule; risk: Risk }[]): Pick<Finding, 'risk' | 'rules' | 'why'> {
  const ordered = [...matches].sort((a, b) => riskRank(b.risk) - riskRank(a.risk));
  return {
    risk: ordered[0].risk,
    rules: ordered.map(({ rule }) => rule.id),
    why: ordered.find(({ rule }) => rule.why)?.rule.why ?? null,
  };
}

export function classify(policy: Policy, files: ChangedFile[]): Finding[] {
  const rules = policy.rules.map(compileRule);
  const formatOf = compileConfigFormat(policy);
  const gate = compileGatePaths(policy);
  const isSecret = compileSecretTest(policy.redact);
  const show = (segments: string[], value: Scalar | undefined) =>
    value !== undefined && isSecret(matchSegments(segments)) ? REDACTED : value;

  const fileFinding = (
    file: ChangedFile,
    risk: Risk,
    rules: string[],
    why: string | null,
    note?: string,
  ): Finding => ({
    file: file.path,
    document: null,
    key: null,
    change: fileChange(file),
    before: undefined,
    after: undefined,
    line: null,
    loadFactor: null,
    risk,
    rules,
    why,
    ...(note ? { note } : {}),
  });

  const unparseable = (file: ChangedFile, note: string, line: number | null = null): Finding[] =>
    policy.defaults.unparseable === 'none'
      ? []
      : [{ ...fileFinding(file, policy.defaults.unparseable, [BUILTIN_RULE.unparseable], null, note), line }];

  function selfProtection(file: ChangedFile): Finding[] {
    if (!policy.self_protection) return [];
    const paths = [file.path, file.previousPath].filter((path): path is string => !!path);
    const isGate =
      paths.some(gate.isGateFile) ||
      (paths.some(gate.isWorkflow) && (runsRiskgate(file.base) || runsRiskgate(file.head)));
    if (!isGate) return [];
    const why =
      'This file defines or runs the release gate itself; a change to it changes what every later pull request must prove.';
    return [fileFinding(file, 'critical', [BUILTIN_RULE.selfProtection], why)];
  }

  // The same key paths recur across files (one service config per file): match each key against the globs once.
  const keyedRules = rules.filter((compiled) => compiled.keys);
  const rulesByKey = new Map<string, CompiledRule[]>();
  const rulesMatchingKey = (segments: string[]) => {
    const id = segments.join('\u0000');
    let matching = rulesByKey.get(id);
    if (!matching) {
      matching = keyedRules.filter((compiled) => compiled.keys!(segments));
      rulesByKey.set(id, matching);
    }
    return matching;
  };

  function keyFinding(file: ChangedFile, fileRules: Set<CompiledRule>, change: KeyChange): Finding | null {
    const segments = matchSegments(change.segments);
    const matches: { rule: Rule; risk: Risk; factor: number | null; note?: string }[] = [];
    for (const compiled of rulesMatchingKey(segments)) {
      if (!fileRules.has(compiled)) continue;
      if (!conditionsHold(compiled.rule.when, change, compiled.rule.load)) continue;
      const { factor, note } = loadFactor(change, compiled.rule.load);
      matches.push({
        rule: compiled.rule,
        risk: escalated(compiled.rule, factor),
        factor,
        ...(compiled.rule.load && factor === null ? { note } : {}),
      });
    }
    const factors = matches
      .map((match) => match.factor)
      .filter((factor): factor is number => factor !== null);
    const unknownFactor = matches.find((match) => match.note)?.note;
    const verdict = matches.length
      ? combine(matches)
      : { risk: policy.defaults.unmatched, rules: [BUILTIN_RULE.unmatched], why: null };
    if (verdict.risk === 'none' && !matches.length) return null;
    return {
      file: file.path,
      document: change.document,
      key: change.key,
      change: change.change,
      before: show(change.segments, change.before),
      after: show(change.segments, change.after),
      line: change.line,
      loadFactor: factors.length ? Math.max(...factors) : null,
      ...verdict,
      ...(factors.length === 0 && unknownFactor ? { note: unknownFactor } : {}),
    };
  }

  function lineFindings(file: ChangedFile): Finding[] {
    const lineRules = rules.filter((compiled) => compiled.lines.length && compiled.files(file.path));
    if (!lineRules.length || file.head === null || file.binary) return [];
    const findings: Finding[] = [];
    for (const { line, text } of addedLines(file.base, file.head)) {
      const matches = lineRules
        .filter((compiled) => compiled.lines.some((pattern) => pattern.test(text)))
        .map(({ rule }) => ({ rule, risk: rule.risk }));
      if (!matches.length) continue;
      const note = `added line: ${isSecret([text.toLowerCase().replace(/[_-]/g, '')]) ? REDACTED : text.trim().slice(0, 160)}`;
      findings.push({ ...fileFinding(file, 'none', [], null, note), line, ...combine(matches) });
    }
    return findings;
  }

  function configFindings(file: ChangedFile): Finding[] {
    const format = formatOf(file.path);
    if (!format) return [];
    if (file.unavailable) return unparseable(file, file.unavailable);
    if (file.binary) return unparseable(file, 'binary file where a config file was expected');
    const diff = diffConfig(format, file.base, file.head);
    if (!diff.ok) {
      const where = diff.line ? ` at line ${diff.line}${diff.column ? `, column ${diff.column}` : ''}` : '';
      const note = `${diff.side} version does not parse as ${format}${where}: ${diff.message.split('\n')[0].slice(0, 200)}`;
      return unparseable(file, note, diff.side === 'head' ? diff.line : null);
    }
    const fileRules = new Set(keyedRules.filter((compiled) => compiled.files(file.path)));
    return diff.changes
      .map((change) => keyFinding(file, fileRules, change))
      .filter((finding): finding is Finding => !!finding);
  }

  function fileRuleFindings(file: ChangedFile): Finding[] {
    const matches = rules
      .filter((compiled) => isFileRule(compiled) && compiled.files(file.path))
      .map(({ rule }) => ({ rule, risk: rule.risk }));
    if (!matches.length) return [];
    const { risk, rules: ids, why } = combine(matches);
    return [fileFinding(file, risk, ids, why)];
  }

  return files.flatMap((file) => [
    ...selfProtection(file),
    ...fileRuleFindings(file),
    ...(formatOf(file.path) ? configFindings(file) : lineFindings(file)),
  ]);
}
