/** The `expect:` block of a scenario: what `riskgate test` checks in the report (docs/scenarios.md). */
import type { ChangeKind, Scalar } from '../model/policy.js';
import type { Decision, ReleaseTrack, RequirementStatus } from '../model/report.js';
import { RISK_LEVELS, type Risk } from '../model/risk.js';
import { Fields, itemEntry, type Entry, type YamlReader } from './yaml-reader.js';

/** `absent`: the requirement is not in the report (nothing triggered it). */
export type ExpectedStatus = RequirementStatus | 'absent';

/** Every field given must equal the finding's; `rule` is one of the finding's rules, `note` a part of its note. */
export interface FindingExpectation {
  file?: string;
  document?: string | null;
  key?: string | null;
  change?: ChangeKind;
  before?: Scalar;
  after?: Scalar;
  line?: number | null;
  risk?: Risk;
  rule?: string;
  loadFactor?: number | null;
  note?: string;
}

export interface Expectation {
  decision?: Decision;
  risk?: Risk;
  releaseTrack?: ReleaseTrack;
  /** By requirement id; `detail` is a part of the requirement's detail. */
  requirements?: Record<string, { status: ExpectedStatus; detail?: string }>;
  /** Each entry matches some finding; an empty list means no findings at all. */
  findings?: FindingExpectation[];
  /** Each entry is a part of some report error; an empty list means no errors at all. */
  errors?: string[];
}

const EXPECT_KEYS = [
  'decision',
  'risk',
  'release_track',
  'releaseTrack',
  'requirements',
  'findings',
  'errors',
];
const FINDING_KEYS = [
  'file',
  'document',
  'key',
  'change',
  'before',
  'after',
  'line',
  'risk',
  'rule',
  'load_factor',
  'loadFactor',
  'note',
];
const STATUSES: ExpectedStatus[] = ['met', 'unmet', 'waived', 'absent'];
const CHANGES: ChangeKind[] = ['added', 'removed', 'changed'];

export function readExpectation(reader: YamlReader, entry: Entry): Expectation | undefined {
  const fields = reader.mapping(entry, 'expect', EXPECT_KEYS);
  if (!fields) return undefined;
  if (fields.size === 0)
    return reader.problem(entry.value ?? entry.key, 'expect is empty: say what the report must show');
  const expectation: Expectation = {};
  const decision = fields.get('decision');
  if (decision)
    expectation.decision = reader.oneOf(decision, 'expect.decision', ['passed', 'blocked'] as const);
  const risk = fields.get('risk');
  if (risk) expectation.risk = reader.oneOf(risk, 'expect.risk', RISK_LEVELS);
  const track = aliased(reader, fields, 'release_track', 'releaseTrack');
  if (track)
    expectation.releaseTrack = reader.oneOf(track, 'expect.release_track', ['low-risk', 'standard'] as const);
  const requirements = fields.get('requirements');
  if (requirements) expectation.requirements = readRequirements(reader, requirements);
  const findings = fields.get('findings');
  if (findings) {
    const items = reader.sequence(findings, 'expect.findings') ?? [];
    expectation.findings = items.map((item, index) =>
      readFinding(reader, itemEntry(item), `expect.findings[${index}]`),
    );
  }
  const errors = fields.get('errors');
  if (errors) {
    const items = reader.sequence(errors, 'expect.errors') ?? [];
    expectation.errors = items.map(
      (item, index) => reader.text(itemEntry(item), `expect.errors[${index}]`) ?? '',
    );
  }
  return expectation;
}

function readRequirements(reader: YamlReader, entry: Entry): Expectation['requirements'] {
  const fields = reader.mapping(entry, 'expect.requirements', 'any') ?? new Fields();
  const requirements: NonNullable<Expectation['requirements']> = {};
  for (const [id, value] of fields) {
    const where = `expect.requirements.${id}`;
    if (reader.scalar(value) !== undefined) {
      const status = reader.oneOf(value, where, STATUSES);
      if (status) requirements[id] = { status };
      continue;
    }
    const spec = reader.mapping(value, where, ['status', 'detail'], ['status']);
    const status = spec?.get('status') && reader.oneOf(spec.get('status')!, `${where}.status`, STATUSES);
    const detail = spec?.get('detail') && reader.text(spec.get('detail')!, `${where}.detail`);
    if (status) requirements[id] = { status, ...(detail !== undefined ? { detail } : {}) };
  }
  return requirements;
}

function readFinding(reader: YamlReader, entry: Entry, where: string): FindingExpectation {
  const fields = reader.mapping(entry, where, FINDING_KEYS) ?? new Fields();
  const finding: FindingExpectation = {};
  const text = (name: 'file' | 'rule' | 'note') => {
    const value = fields.get(name);
    if (value) finding[name] = reader.text(value, `${where}.${name}`);
  };
  text('file');
  text('rule');
  text('note');
  for (const name of ['document', 'key'] as const) {
    const value = fields.get(name);
    if (value) finding[name] = reader.text(value, `${where}.${name}`, true);
  }
  for (const name of ['before', 'after'] as const) {
    const value = fields.get(name);
    if (!value) continue;
    const scalar = reader.scalar(value);
    if (scalar === undefined) reader.problem(value.value, `${where}.${name} must be a single value`);
    else finding[name] = scalar;
  }
  const change = fields.get('change');
  if (change) finding.change = reader.oneOf(change, `${where}.change`, CHANGES);
  const risk = fields.get('risk');
  if (risk) finding.risk = reader.oneOf(risk, `${where}.risk`, RISK_LEVELS);
  const line = fields.get('line');
  if (line)
    finding.line = nullable(reader, line, () =>
      reader.number(line, `${where}.line`, { integer: true, min: 1 }),
    );
  const factor = aliased(reader, fields, 'load_factor', 'loadFactor');
  if (factor)
    finding.loadFactor = nullable(reader, factor, () => reader.number(factor, `${where}.load_factor`));
  return finding;
}

const nullable = <T>(reader: YamlReader, entry: Entry, read: () => T): T | null =>
  reader.scalar(entry) === null ? null : read();

/** One of two spellings of a key (the scenario's snake_case or the report's camelCase), never both. */
function aliased(reader: YamlReader, fields: Fields, snake: string, camel: string): Entry | undefined {
  const [first, second] = [fields.get(snake), fields.get(camel)];
  if (first && second) reader.problem(second.key, `give either \`${snake}\` or \`${camel}\`, not both`);
  return first ?? second;
}
