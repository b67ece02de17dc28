/**
 * Scenario files (contracts §2): a pull request written by hand as a snapshot, plus optional expectations.
 * Paths inside a scenario (policy, base_file, head_file, report_file, evidence) are relative to the scenario file.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Node } from 'yaml';
import type { Policy, ReportFormat } from '../model/policy.js';
import {
  CHECK_CONCLUSIONS,
  type ChangedFile,
  type Check,
  type Evidence,
  type Permission,
  type Review,
  type ReviewState,
  type Snapshot,
} from '../model/snapshot.js';
import { sortedProblems } from '../policy/problem.js';
import { ContextError, describeFsError, displayPath } from './context-error.js';
import { readEvidenceFile } from './local-facts.js';
import { loadInlinePolicy, loadPolicyFile } from './policy-file.js';
import { readExpectation, type Expectation } from './scenario-expect.js';
import { Fields, itemEntry, YamlReader, type Entry } from './yaml-reader.js';

export type { Expectation, FindingExpectation } from './scenario-expect.js';

export interface Scenario {
  name: string;
  policy: Policy;
  snapshot: Snapshot;
  expect?: Expectation;
}

export interface ScenarioOptions {
  /** Evaluate against this policy file instead of the scenario's own (`--policy`). */
  policyFile?: string;
  /** Root for the `policyFile`'s repository paths when it has no `.github/` segment (default: the working directory). */
  cwd?: string;
}

const TOP_KEYS = [
  'name',
  'description',
  'policy',
  'pr',
  'files',
  'reviews',
  'checks',
  'members',
  'permissions',
  'evidence',
  'errors',
  'expect',
];
const PR_KEYS = ['number', 'author', 'title', 'body', 'url', 'labels'];
const FILE_KEYS = [
  'path',
  'previous_path',
  'base',
  'head',
  'base_file',
  'head_file',
  'binary',
  'unavailable',
];
const REVIEW_KEYS = ['user', 'state', 'stale', 'changed_since'];
const CHECK_KEYS = [
  'name',
  'conclusion',
  'app',
  'stale',
  'commit',
  'tested_files',
  'report_file',
  'report_format',
];
const REVIEW_STATES: ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED'];
const PERMISSIONS: Permission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
const REPORT_FORMATS: ReportFormat[] = ['auto', 'k6', 'locust', 'artillery', 'gatling', 'jmeter'];

/** Stands for a policy written inline under `policy:`, where the scenario file is the policy's source. */
const INLINE = Symbol('inline policy');

/** A scenario file has a top-level `policy:` key; other YAML files in a scenario folder (fixtures, policies) do not. */
export const looksLikeScenario = (text: string): boolean => /^policy\s*:/m.test(text);

export async function loadScenario(file: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const cwd = options.cwd ?? process.cwd();
  const shown = displayPath(file, cwd);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ContextError(`cannot read scenario ${shown}: ${describeFsError(error)}`);
  });
  const { reader, root } = YamlReader.parse(shown, text);
  const parsed = root === null ? undefined : await new ScenarioReader(reader, path.dirname(file)).read(root);
  if (root === null && reader.problems.length === 0) {
    reader.problem(root, 'the scenario file is empty; it needs at least `policy:`');
  }
  if (reader.problems.length || !parsed) throw ContextError.fromProblems(sortedProblems(reader.problems));
  const policy = options.policyFile
    ? await loadPolicyFile(options.policyFile, cwd, cwd)
    : parsed.policy === INLINE
      ? await loadInlinePolicy(file, text, cwd)
      : await loadPolicyFile(parsed.policy, path.dirname(file), cwd);
  return {
    name: parsed.name ?? path.basename(file).replace(/\.ya?ml$/, ''),
    policy,
    snapshot: parsed.snapshot,
    ...(parsed.expect ? { expect: parsed.expect } : {}),
  };
}

interface Parsed {
  name?: string;
  /** The policy's absolute path, or INLINE for a mapping inside the scenario. */
  policy: string | typeof INLINE;
  snapshot: Snapshot;
  expect?: Expectation;
}

/** Reads one scenario's fields; every problem is recorded in the reader, so one run reports them all. */
class ScenarioReader {
  constructor(
    private readonly reader: YamlReader,
    private readonly dir: string,
  ) {}

  async read(root: Node): Promise<Parsed | undefined> {
    const { reader } = this;
    const top = reader.mapping(itemEntry(root), 'the scenario', TOP_KEYS, ['policy']);
    if (!top) return undefined;
    const field = <T>(name: string, read: (entry: Entry) => T, fallback: T): T => {
      const entry = top.get(name);
      return entry ? read(entry) : fallback;
    };
    const [files, checks, evidence] = await Promise.all([
      field('files', (entry) => this.files(entry), Promise.resolve([])),
      field('checks', (entry) => this.checks(entry), Promise.resolve([])),
      field('evidence', (entry) => this.evidence(entry), Promise.resolve({})),
    ]);
    const snapshot: Snapshot = {
      pr: field('pr', (entry) => this.pr(entry), defaultPr()),
      files,
      reviews: field('reviews', (entry) => this.reviews(entry), []),
      checks,
      members: field('members', (entry) => this.members(entry), {}),
      permissions: field('permissions', (entry) => this.permissions(entry), {}),
      evidence,
      errors: field('errors', (entry) => this.texts(entry, 'errors'), []),
    };
    return {
      name: field('name', (entry) => reader.text(entry, 'name'), undefined),
      policy: await field('policy', (entry) => this.policy(entry), Promise.resolve(INLINE)),
      snapshot,
      expect: field('expect', (entry) => readExpectation(reader, entry), undefined),
    };
  }

  private async policy(entry: Entry): Promise<string | typeof INLINE> {
    if (this.reader.scalar(entry) === undefined) return INLINE;
    const relative = this.reader.text(entry, 'policy');
    if (relative === undefined) return INLINE;
    const file = this.resolve(relative);
    try {
      await access(file);
    } catch (error) {
      this.reader.problem(entry.value, `policy ${relative}: ${describeFsError(error)}`);
    }
    return file;
  }

  private pr(entry: Entry): Snapshot['pr'] {
    const { reader } = this;
    const fields = reader.mapping(entry, 'pr', PR_KEYS);
    const pr = defaultPr();
    if (!fields) return pr;
    const get = (name: string) => fields.get(name);
    const number = get('number');
    if (number) pr.number = reader.number(number, 'pr.number', { integer: true, min: 1 }) ?? pr.number;
    const author = get('author');
    if (author) pr.author = reader.name(author, 'pr.author') ?? pr.author;
    const body = get('body');
    if (body) pr.body = reader.text(body, 'pr.body', true) ?? '';
    for (const name of ['title', 'url'] as const) {
      const value = get(name);
      const text = value && reader.text(value, `pr.${name}`);
      if (text !== undefined) pr[name] = text;
    }
    const labels = get('labels');
    if (labels) pr.labels = this.list(labels, 'pr.labels', (item, where) => this.label(item, where));
    return pr;
  }

  private label(entry: Entry, where: string): Snapshot['pr']['labels'][number] | undefined {
    if (this.reader.scalar(entry) !== undefined) {
      const name = this.reader.name(entry, where);
      return name === undefined ? undefined : { name, by: null };
    }
    const fields = this.reader.mapping(entry, where, ['name', 'by'], ['name']);
    const name = fields && this.optional(fields, 'name', (value) => this.reader.name(value, `${where}.name`));
    if (name === undefined) return undefined;
    const by = this.optional(fields!, 'by', (value) => this.reader.name(value, `${where}.by`)) ?? null;
    return { name, by };
  }

  private async files(entry: Entry): Promise<ChangedFile[]> {
    const seen = new Set<string>();
    const files = this.list(entry, 'files', (item, where) => this.file(item, where, seen));
    return Promise.all(files);
  }

  private file(entry: Entry, where: string, seen: Set<string>): Promise<ChangedFile> | undefined {
    const { reader } = this;
    const fields = reader.mapping(entry, where, FILE_KEYS, ['path']);
    if (!fields) return undefined;
    const filePath = this.optional(fields, 'path', (value) => reader.name(value, `${where}.path`));
    if (filePath === undefined) return undefined;
    const label = `${where} (${filePath})`;
    if (seen.has(filePath)) reader.problem(fields.get('path')!.value, `${label}: the path is listed twice`);
    seen.add(filePath);
    const previousPath = this.optional(fields, 'previous_path', (value) =>
      reader.name(value, `${label}.previous_path`),
    );
    const binary =
      this.optional(fields, 'binary', (value) => reader.boolean(value, `${label}.binary`)) ?? false;
    const unavailable = this.optional(fields, 'unavailable', (value) =>
      reader.text(value, `${label}.unavailable`),
    );
    const side = (name: 'base' | 'head') =>
      this.side(fields, name, label, binary || unavailable !== undefined);
    const [base, head] = [side('base'), side('head')];
    const sides = ['base', 'head', 'base_file', 'head_file'];
    if (
      !binary &&
      unavailable === undefined &&
      !fields.unknown.length &&
      !sides.some((key) => fields.has(key))
    ) {
      const needs = 'needs `base`/`base_file` or `head`/`head_file` text (or `binary: true`)';
      reader.problem(entry.value, `${label} ${needs}`);
    }
    return Promise.all([base, head]).then(([baseText, headText]) => ({
      path: filePath,
      ...(previousPath !== undefined ? { previousPath } : {}),
      base: baseText,
      head: headText,
      ...(binary ? { binary } : {}),
      ...(unavailable !== undefined ? { unavailable } : {}),
    }));
  }

  /**
   * One side of a changed file. Text files: `base`/`head` text, or `base_file`/`head_file`; omitted or null
   * means the file did not exist on that side. Binary and unavailable files have no text: a side exists
   * unless it is given as null.
   */
  private async side(
    fields: Fields,
    name: 'base' | 'head',
    where: string,
    contentless: boolean,
  ): Promise<string | null> {
    const { reader } = this;
    const inline = fields.get(name);
    const file = fields.get(`${name}_file`);
    if (inline && file)
      return (
        reader.problem(file.key, `${where}: give either \`${name}\` or \`${name}_file\`, not both`) ?? null
      );
    if (contentless) {
      if (file || (inline && reader.scalar(inline) !== null)) {
        reader.problem(
          (file ?? inline)!.key,
          `${where} has no text; use \`${name}: null\` only to say the file is absent`,
        );
      }
      return inline ? null : '';
    }
    if (file) {
      const relative = reader.text(file, `${where}.${name}_file`);
      if (relative === undefined) return null;
      try {
        return await readFile(this.resolve(relative), 'utf8');
      } catch (error) {
        reader.problem(file.value, `${where}.${name}_file ${relative}: ${describeFsError(error)}`);
        return null;
      }
    }
    return inline ? (reader.text(inline, `${where}.${name}`, true) ?? null) : null;
  }

  private reviews(entry: Entry): Review[] {
    return this.list(entry, 'reviews', (item, where) => {
      const { reader } = this;
      const fields = reader.mapping(item, where, REVIEW_KEYS, ['user', 'state']);
      if (!fields) return undefined;
      const user = this.optional(fields, 'user', (value) => reader.name(value, `${where}.user`));
      const state = this.optional(fields, 'state', (value) =>
        reader.oneOf(value, `${where}.state`, REVIEW_STATES),
      );
      const stale = this.optional(fields, 'stale', (value) => reader.boolean(value, `${where}.stale`));
      const changedSince = this.optional(fields, 'changed_since', (value) =>
        reader.names(value, `${where}.changed_since`),
      );
      if (changedSince && stale !== true) {
        reader.problem(fields.get('changed_since')!.key, `${where}.changed_since needs \`stale: true\``);
      }
      if (user === undefined || state === undefined) return undefined;
      return { user, state, ...(stale ? { stale } : {}), ...(changedSince ? { changedSince } : {}) };
    });
  }

  private async checks(entry: Entry): Promise<Check[]> {
    const checks = this.list(entry, 'checks', (item, where) => this.check(item, where));
    return Promise.all(checks);
  }

  private check(entry: Entry, where: string): Promise<Check> | undefined {
    const { reader } = this;
    const fields = reader.mapping(entry, where, CHECK_KEYS, ['name', 'conclusion']);
    if (!fields) return undefined;
    const name = this.optional(fields, 'name', (value) => reader.name(value, `${where}.name`));
    const conclusion = this.optional(fields, 'conclusion', (value) =>
      reader.oneOf(value, `${where}.conclusion`, CHECK_CONCLUSIONS),
    );
    const app = this.optional(fields, 'app', (value) => reader.name(value, `${where}.app`));
    const stale = this.optional(fields, 'stale', (value) => reader.boolean(value, `${where}.stale`));
    const reportFile = this.optional(fields, 'report_file', (value) =>
      reader.text(value, `${where}.report_file`),
    );
    const format = this.optional(fields, 'report_format', (value) =>
      reader.oneOf(value, `${where}.report_format`, REPORT_FORMATS),
    );
    if (format && !fields.has('report_file')) {
      reader.problem(fields.get('report_format')!.key, `${where}.report_format needs \`report_file\``);
    }
    const commit = this.optional(fields, 'commit', (value) => reader.name(value, `${where}.commit`));
    const testedFiles = this.optional(fields, 'tested_files', (value) =>
      this.testedFiles(value, `${where}.tested_files`),
    );
    if (testedFiles && stale !== true) {
      reader.problem(fields.get('tested_files')!.key, `${where}.tested_files needs \`stale: true\``);
    }
    if (name === undefined || conclusion === undefined) return undefined;
    const check: Check = {
      name,
      conclusion,
      ...(app ? { app } : {}),
      ...(stale ? { stale } : {}),
      ...(commit ? { commit } : {}),
      ...(testedFiles ? { testedFiles } : {}),
    };
    if (reportFile === undefined) return Promise.resolve(check);
    return readEvidenceFile(this.resolve(reportFile), { source: reportFile, format }).then((report) => ({
      ...check,
      report,
    }));
  }

  /** `tested_files`: path → the file's text at the commit the check ran on (null: absent there). */
  private testedFiles(entry: Entry, where: string): { path: string; text: string | null }[] | undefined {
    const fields = this.reader.mapping(entry, where, 'any');
    if (!fields) return undefined;
    return [...fields].map(([path, value]) => ({
      path,
      text: this.reader.text(value, `${where}.${path}`, true) ?? null,
    }));
  }

  private members(entry: Entry): Record<string, string[]> {
    const { reader } = this;
    const fields = reader.mapping(entry, 'members', 'any') ?? new Fields();
    const members: Record<string, string[]> = {};
    for (const [team, value] of fields) {
      if (!/^[^/\s]+\/[^/\s]+$/.test(team)) {
        reader.problem(
          value.key,
          `members: \`${team}\` must be an org team written org/slug (inline teams belong in the policy's \`teams\`)`,
        );
      }
      members[team] = reader.names(value, `members.${team}`) ?? [];
    }
    return members;
  }

  private permissions(entry: Entry): Record<string, Permission> {
    const fields = this.reader.mapping(entry, 'permissions', 'any') ?? new Fields();
    const permissions: Record<string, Permission> = {};
    for (const [login, value] of fields) {
      const permission = this.reader.oneOf(value, `permissions.${login}`, PERMISSIONS);
      if (permission) permissions[login] = permission;
    }
    return permissions;
  }

  /** `evidence: { <requirement id>: <file> | { file, format } }`: reports gathered for a requirement (artifact, file). */
  private async evidence(entry: Entry): Promise<Record<string, Evidence>> {
    const { reader } = this;
    const fields = reader.mapping(entry, 'evidence', 'any') ?? new Fields();
    const reads = [...fields].map(async ([id, value]) => {
      const where = `evidence.${id}`;
      const spec =
        reader.scalar(value) !== undefined
          ? new Map([['file', value]])
          : reader.mapping(value, where, ['file', 'format'], ['file']);
      const file = spec?.get('file');
      const relative = file && reader.text(file, `${where}.file`);
      const formatEntry = spec?.get('format');
      const format = formatEntry && reader.oneOf(formatEntry, `${where}.format`, REPORT_FORMATS);
      if (relative === undefined) return undefined;
      return [id, await readEvidenceFile(this.resolve(relative), { source: relative, format })] as const;
    });
    const read = await Promise.all(reads);
    return Object.fromEntries(read.filter((pair) => pair !== undefined));
  }

  private texts(entry: Entry, where: string): string[] {
    return this.list(entry, where, (item, itemWhere) => this.reader.text(item, itemWhere));
  }

  /** Reads each list item; items with problems are left out (the problems are recorded). */
  private list<T>(entry: Entry, where: string, read: (item: Entry, where: string) => T | undefined): T[] {
    const items = this.reader.sequence(entry, where) ?? [];
    return items
      .map((item, index) => read(itemEntry(item), `${where}[${index}]`))
      .filter((item) => item !== undefined);
  }

  private optional<T>(fields: Fields, name: string, read: (entry: Entry) => T | undefined): T | undefined {
    const entry = fields.get(name);
    return entry ? read(entry) : undefined;
  }

  private resolve(relative: string): string {
    return path.resolve(this.dir, relative);
  }
}

const defaultPr = (): Snapshot['pr'] => ({ number: 1, author: 'pr-author', body: '', labels: [] });
