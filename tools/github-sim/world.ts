/**
 * The simulated repository: one pull request built from a scenario, as commits, reviews, checks, statuses,
 * labels, teams and artifacts, plus the state the action's writes change (statuses, check runs, comments,
 * labels, requested reviewers), so that a later read sees an earlier write.
 */
import { strToU8, zipSync } from 'fflate';
import { compileNameGlob } from '../../src/engine/glob.js';
import type { Policy } from '../../src/model/policy.js';
import type { ChangedFile, Check, Evidence, Permission, Snapshot } from '../../src/model/snapshot.js';
import { Repository, type Commit, type Tree } from './git.js';
import { Clock, label, type FileChange, type Json, type Site } from './objects.js';

/** A scenario as the simulator serves it: the resolved policy, the snapshot, and the policy file's text. */
export interface SimScenario {
  name?: string;
  policy: Policy;
  snapshot: Snapshot;
  /** The policy file at the base commit, served at `policyPath`. */
  policyText: string;
  /** Texts of repository files the policy extends (`extends: [path]`), by repository path. */
  extraFiles?: Record<string, string>;
}

export interface WorldOptions {
  /** `owner/name` (default acme/app). */
  repository?: string;
  policyPath?: string;
  /** The pull request comes from a fork (head repository `<author>/<name>`). */
  fork?: boolean;
  web?: string;
}

/** Content for scenario files marked `unavailable`: just over what riskgate reads, so it is unavailable here too. */
const UNAVAILABLE_BYTES = 2 ** 20 + 1;

export interface CheckRunState {
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  app: string;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Json[] };
  detailsUrl: string | null;
  externalId: string | null;
  startedAt: string;
  completedAt: string | null;
  checkSuiteId: number;
  runId: number | null;
}

export interface StatusState {
  id: number;
  sha: string;
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
}

export interface WorkflowRunState {
  id: number;
  name: string;
  headSha: string;
  checkSuiteId: number;
  createdAt: string;
}

export interface ArtifactState {
  id: number;
  name: string;
  runId: number;
  zip: Buffer;
  createdAt: string;
}

export interface ReviewRecord {
  id: number;
  user: string;
  state: string;
  commitId: string;
  submittedAt: string;
}

export interface CommentState {
  id: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface IssueEventState {
  id: number;
  event: 'labeled' | 'unlabeled';
  label: string;
  actor: string;
  createdAt: string;
}

/** The login the simulator's tokens act as. */
export const ACTOR = 'github-actions[bot]';

export class World {
  readonly site: Site;
  readonly git = new Repository();
  readonly clock = new Clock();
  readonly base: Commit;
  readonly head: Commit;
  readonly number: number;
  readonly author: string;
  readonly title: string;
  readonly body: string;
  readonly headRef: string;
  readonly fork: boolean;
  readonly fileChanges: FileChange[];
  readonly reviews: ReviewRecord[] = [];
  readonly checkRuns: CheckRunState[] = [];
  readonly statuses: StatusState[] = [];
  readonly workflowRuns: WorkflowRunState[] = [];
  readonly artifacts: ArtifactState[] = [];
  readonly labels = new Map<string, Json>();
  readonly pullLabels: string[] = [];
  readonly events: IssueEventState[] = [];
  readonly comments: CommentState[] = [];
  readonly requestedUsers = new Set<string>();
  readonly requestedTeams = new Set<string>();
  readonly members: Record<string, string[]>;
  readonly permissions: Record<string, Permission>;
  private nextId = 1000;

  constructor(scenario: SimScenario, api: string, options: WorldOptions = {}) {
    const [owner, name] = (options.repository ?? 'acme/app').split('/');
    this.site = { api, web: options.web ?? 'https://github.com', owner, name };
    const { snapshot, policy } = scenario;
    this.number = snapshot.pr.number;
    this.author = snapshot.pr.author;
    this.title = snapshot.pr.title ?? `Pull request #${snapshot.pr.number}`;
    this.body = snapshot.pr.body;
    this.headRef = `pr-${snapshot.pr.number}`;
    this.fork = options.fork ?? false;
    this.members = snapshot.members;
    this.permissions = snapshot.permissions;

    const fileEvidence = evidenceFiles(policy, snapshot);
    const baseTree = this.baseTree(snapshot.files, {
      ...fileEvidence,
      ...scenario.extraFiles,
      [options.policyPath ?? '.github/riskgate.yml']: scenario.policyText,
    });
    const headTree = this.headTree(baseTree, snapshot.files);
    this.base = this.git.commit(null, baseTree, 'base');
    const reviewed = this.reviewedCommits(snapshot, baseTree, headTree);
    const tested = this.testedCommits(snapshot.checks, headTree, reviewed.at(-1) ?? this.base);
    const lastEarlier = [...tested.values()].at(-1) ?? reviewed.at(-1) ?? this.base;
    this.head = this.git.commit(lastEarlier.sha, headTree, `pull request #${this.number}`);
    for (const review of snapshot.reviews) {
      const commit = review.stale ? reviewed.shift()! : this.head;
      this.reviews.push({
        id: this.id(),
        user: review.user,
        state: review.state,
        commitId: commit.sha,
        submittedAt: this.clock.now(),
      });
    }
    this.fileChanges = snapshot.files.map((file) => this.fileChange(file, baseTree, headTree));
    const feedsArtifact = artifactEvidenceChecks(policy, snapshot);
    for (const check of snapshot.checks) {
      const sha = check.stale ? (tested.get(check)?.sha ?? this.base.sha) : this.head.sha;
      this.addCheck(check, sha, policy, feedsArtifact(check));
    }
    this.addEvidenceArtifacts(policy, snapshot);
    for (const { name: labelName, by } of snapshot.pr.labels) {
      this.labels.set(labelName, label(this.site, labelName));
      this.pullLabels.push(labelName);
      if (by)
        this.events.push({
          id: this.id(),
          event: 'labeled',
          label: labelName,
          actor: by,
          createdAt: this.clock.now(),
        });
    }
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  private baseTree(files: ChangedFile[], extra: Record<string, string>): Tree {
    const tree: Tree = new Map();
    for (const file of files) {
      if (file.base !== null) tree.set(file.previousPath ?? file.path, this.git.blob(content(file, 'base')));
    }
    for (const [path, text] of Object.entries(extra)) tree.set(path, this.git.blob(text));
    return tree;
  }

  private headTree(base: Tree, files: ChangedFile[]): Tree {
    const tree = new Map(base);
    for (const file of files) {
      if (file.previousPath) tree.delete(file.previousPath);
      if (file.head === null) tree.delete(file.path);
      else tree.set(file.path, this.git.blob(content(file, 'head')));
    }
    return tree;
  }

  /**
   * The commit each stale review is of, in review order between base and head: the head tree with the files
   * changed since the review (all changed files when the scenario does not say) put back to their base version,
   * so that comparing the reviewed commit with the head lists exactly those files. Consecutive stale reviews
   * with the same files share one commit (several people reviewing the same push).
   */
  private reviewedCommits(snapshot: Snapshot, base: Tree, head: Tree): Commit[] {
    const commits: Commit[] = [];
    let previous: { key: string; commit: Commit } | undefined;
    for (const review of snapshot.reviews.filter((r) => r.stale)) {
      const reverted = review.changedSince ?? snapshot.files.map((file) => file.path);
      const key = [...reverted].sort().join('\n');
      if (previous?.key !== key) {
        const tree = new Map(head);
        for (const path of reverted) {
          const file = snapshot.files.find((candidate) => candidate.path === path);
          for (const side of [path, file?.previousPath].filter((p): p is string => !!p)) {
            const blob = base.get(side);
            if (blob) tree.set(side, blob);
            else tree.delete(side);
          }
        }
        const parent = commits.at(-1)?.sha ?? this.base.sha;
        previous = { key, commit: this.git.commit(parent, tree, `reviewed by ${review.user}`) };
      }
      commits.push(previous.commit);
    }
    return commits;
  }

  /**
   * The commit each stale check with `tested_files` ran on: the head tree with those files as they were then,
   * between the reviewed commits and the head. A stale check without them goes on the base commit, outside the
   * pull request, where its history is unknown.
   */
  private testedCommits(checks: Check[], head: Tree, after: Commit): Map<Check, Commit> {
    const commits = new Map<Check, Commit>();
    let parent = after;
    for (const check of checks.filter((candidate) => candidate.stale && candidate.testedFiles)) {
      const tree = new Map(head);
      for (const { path, text } of check.testedFiles!) {
        if (text === null) tree.delete(path);
        else tree.set(path, this.git.blob(text));
      }
      parent = this.git.commit(parent.sha, tree, `tested by ${check.name}`);
      commits.set(check, parent);
    }
    return commits;
  }

  private fileChange(file: ChangedFile, base: Tree, head: Tree): FileChange {
    const baseBlob = base.get(file.previousPath ?? file.path) ?? null;
    const headBlob = head.get(file.path) ?? null;
    const status = file.previousPath
      ? 'renamed'
      : baseBlob === null
        ? 'added'
        : headBlob === null
          ? 'removed'
          : 'modified';
    const [additions, deletions] = lineCounts(this.text(baseBlob), this.text(headBlob));
    return {
      filename: file.path,
      ...(file.previousPath ? { previous_filename: file.previousPath } : {}),
      status,
      sha: headBlob ?? baseBlob,
      additions,
      deletions,
    };
  }

  private text(blob: string | null): string | null {
    return blob === null ? null : (this.git.blobs.get(blob)?.toString('utf8') ?? null);
  }

  /**
   * A scenario check becomes a commit status when a status could say all it says (no app, no report, no artifact,
   * a state statuses have); otherwise a check run, run by GitHub Actions unless the scenario names another app.
   */
  private addCheck(check: Check, sha: string, policy: Policy, hasArtifact: boolean): void {
    const now = this.clock.now();
    const statusLike = ['success', 'failure', 'pending'].includes(check.conclusion);
    if (!check.app && !check.report && !hasArtifact && statusLike) {
      this.statuses.push({
        id: this.id(),
        sha,
        context: check.name,
        state: check.conclusion as StatusState['state'],
        description: null,
        targetUrl: null,
        creator: this.author,
        createdAt: now,
      });
      return;
    }
    const app = check.app ?? 'github-actions';
    const pending = check.conclusion === 'pending';
    const run = app === 'github-actions' ? this.addWorkflowRun(check.name, sha) : null;
    const id = this.id();
    const report = check.report && !check.report.error ? check.report.files[0] : undefined;
    this.checkRuns.push({
      id,
      name: check.name,
      headSha: sha,
      status: pending ? 'in_progress' : 'completed',
      conclusion: pending ? null : check.conclusion,
      app,
      output: {
        title: report ? `${check.name}: report` : null,
        summary: report ? `Load-test report ${report.name}` : null,
        text: report?.text ?? null,
        annotations: [],
      },
      detailsUrl: run
        ? `${this.site.web}/${this.site.owner}/${this.site.name}/actions/runs/${run.id}/job/${id}`
        : null,
      externalId: null,
      startedAt: now,
      completedAt: pending ? null : now,
      checkSuiteId: run?.checkSuiteId ?? this.id(),
      runId: run?.id ?? null,
    });
    if (run && check.report && !check.report.error) {
      for (const artifact of artifactNamesFor(policy, check))
        this.addArtifact(run.id, artifact, check.report);
    }
  }

  addWorkflowRun(name: string, headSha: string): WorkflowRunState {
    const run = { id: this.id(), name, headSha, checkSuiteId: this.id(), createdAt: this.clock.now() };
    this.workflowRuns.push(run);
    return run;
  }

  private addArtifact(runId: number, name: string, report: Evidence): void {
    const zip = Buffer.from(
      zipSync(Object.fromEntries(report.files.map((file) => [file.name, strToU8(file.text)]))),
    );
    this.artifacts.push({ id: this.id(), name, runId, zip, createdAt: this.clock.now() });
  }

  /** Scenario `evidence` for artifact sources: on the run of a matching check, else on a run of its own. */
  private addEvidenceArtifacts(policy: Policy, snapshot: Snapshot): void {
    for (const [id, evidence] of Object.entries(snapshot.evidence)) {
      const spec = policy.requirements[id]?.load_test;
      if (spec?.report?.from !== 'artifact' || !spec.report.artifact || evidence.error) continue;
      const matches = spec.check ? compileNameGlob(spec.check) : () => false;
      const check = this.checkRuns.find(
        (run) => run.headSha === this.head.sha && run.runId && matches(run.name),
      );
      const runId = check?.runId ?? this.addWorkflowRun(`load test (${id})`, this.head.sha).id;
      this.addArtifact(runId, spec.report.artifact, evidence);
    }
  }
}

function content(file: ChangedFile, side: 'base' | 'head'): string | Buffer {
  if (file.binary)
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), Buffer.from(`${side}:${file.path}`)]);
  if (file.unavailable) return `# ${file.unavailable}\n`.padEnd(UNAVAILABLE_BYTES, ' ');
  return file[side] ?? '';
}

/** Artifact names that load-test requirements expect from this check's workflow run. */
function artifactNamesFor(policy: Policy, check: Check): string[] {
  const names = Object.values(policy.requirements).flatMap(({ load_test: spec }) => {
    if (spec?.report?.from !== 'artifact' || !spec.report.artifact) return [];
    if (spec.check && !compileNameGlob(spec.check)(check.name)) return [];
    if (spec.app && spec.app !== (check.app ?? 'github-actions')) return [];
    return [spec.report.artifact];
  });
  return [...new Set(names)];
}

/** Checks whose workflow run must hold an artifact that scenario `evidence` supplies (so they are Actions check runs). */
function artifactEvidenceChecks(policy: Policy, snapshot: Snapshot): (check: Check) => boolean {
  const globs = Object.keys(snapshot.evidence).flatMap((id) => {
    const spec = policy.requirements[id]?.load_test;
    return spec?.report?.from === 'artifact' && spec.check ? [compileNameGlob(spec.check)] : [];
  });
  return (check) => globs.some((matches) => matches(check.name));
}

/** Scenario `evidence` for file sources, as files in the repository. */
function evidenceFiles(policy: Policy, snapshot: Snapshot): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [id, evidence] of Object.entries(snapshot.evidence)) {
    const source = policy.requirements[id]?.load_test?.report;
    if (source?.from === 'file' && source.path && evidence.files[0])
      files[source.path] = evidence.files[0].text;
  }
  return files;
}

/** Added and deleted line counts, as a multiset difference of lines (moved lines are neither). */
export function lineCounts(base: string | null, head: string | null): [number, number] {
  const lines = (text: string | null) =>
    text === null || text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const remaining = new Map<string, number>();
  for (const line of lines(base)) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of lines(head)) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else additions += 1;
  }
  const deletions = [...remaining.values()].reduce((sum, count) => sum + count, 0);
  return [additions, deletions];
}
