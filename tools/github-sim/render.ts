/** World state → REST bodies (the shapes GitHub's OpenAPI description documents). */
import {
  EPOCH,
  gitCommit,
  githubActionsApp,
  pullReference,
  pullRequest,
  repository,
  stableId,
  team,
  user,
  type Json,
  type PullState,
} from './objects.js';
import type {
  ArtifactState,
  CheckRunState,
  CommentState,
  IssueEventState,
  ReviewRecord,
  StatusState,
  WorkflowRunState,
  World,
} from './world.js';

const nodeId = (kind: string, id: number | string) => Buffer.from(`${kind}:${id}`).toString('base64url');
const repoUrl = (world: World) => `${world.site.api}/repos/${world.site.owner}/${world.site.name}`;
const webUrl = (world: World) => `${world.site.web}/${world.site.owner}/${world.site.name}`;

export function pullState(world: World): PullState {
  const additions = world.fileChanges.reduce((sum, change) => sum + change.additions, 0);
  const deletions = world.fileChanges.reduce((sum, change) => sum + change.deletions, 0);
  return {
    number: world.number,
    title: world.title,
    body: world.body,
    author: world.author,
    headRef: world.headRef,
    headSha: world.head.sha,
    baseSha: world.base.sha,
    fork: world.fork,
    labels: world.pullLabels.map((name) => world.labels.get(name)!),
    changedFiles: world.fileChanges.length,
    additions,
    deletions,
    commits: world.git.ancestors(world.head.sha).length - 1,
    requestedUsers: [...world.requestedUsers],
    requestedTeams: [...world.requestedTeams].map((slug) => teamOf(world, slug)),
  };
}

export const renderPull = (world: World, full: boolean): Json =>
  pullRequest(world.site, pullState(world), full);

const teamOf = (world: World, slug: string): Json => team(world.site, world.site.owner, slug);

export const renderRequestedReviewers = (world: World): Json => ({
  users: [...world.requestedUsers].map((login) => user(world.site, login)),
  teams: [...world.requestedTeams].map((slug) => teamOf(world, slug)),
});

export function renderReview(world: World, review: ReviewRecord): Json {
  const pullUrl = `${repoUrl(world)}/pulls/${world.number}`;
  const html = `${webUrl(world)}/pull/${world.number}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId('PullRequestReview', review.id),
    user: user(world.site, review.user),
    body: '',
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
    author_association: 'MEMBER',
  };
}

export function renderCheckRun(world: World, run: CheckRunState): Json {
  const url = `${repoUrl(world)}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: nodeId('CheckRun', run.id),
    head_sha: run.headSha,
    external_id: run.externalId,
    url,
    html_url: `${webUrl(world)}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: githubActionsApp(world.site, run.app),
    pull_requests: run.headSha === world.head.sha ? [pullReference(world.site, pullState(world))] : [],
  };
}

export function renderStatus(world: World, status: StatusState): Json {
  return {
    url: `${repoUrl(world)}/statuses/${status.sha}`,
    avatar_url: null,
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    creator: user(world.site, status.creator),
  };
}

/** The combined status: the latest status per context, and their overall state. */
export function renderCombinedStatus(
  world: World,
  sha: string,
  latest: StatusState[],
  page: StatusState[],
): Json {
  const states = latest.map((status) => status.state);
  const state = states.some((s) => s === 'failure' || s === 'error')
    ? 'failure'
    : states.length === 0 || states.includes('pending')
      ? 'pending'
      : 'success';
  return {
    state,
    statuses: page.map((status) => ({ ...renderStatus(world, status), required: false })),
    sha,
    total_count: latest.length,
    repository: repository(world.site),
    commit_url: `${repoUrl(world)}/commits/${sha}`,
    url: `${repoUrl(world)}/commits/${sha}/status`,
  };
}

export function renderIssueEvent(world: World, event: IssueEventState): Json {
  return {
    id: event.id,
    node_id: nodeId('LabeledEvent', event.id),
    url: `${repoUrl(world)}/issues/events/${event.id}`,
    actor: user(world.site, event.actor),
    event: event.event,
    commit_id: null,
    commit_url: null,
    created_at: event.createdAt,
    performed_via_github_app: null,
    label: { name: event.label, color: String(world.labels.get(event.label)?.color ?? 'ededed') },
  };
}

export function renderComment(world: World, comment: CommentState): Json {
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${repoUrl(world)}/issues/comments/${comment.id}`,
    html_url: `${webUrl(world)}/pull/${world.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: user(world.site, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoUrl(world)}/issues/${world.number}`,
    author_association: 'NONE',
  };
}

export function renderArtifact(world: World, artifact: ArtifactState): Json {
  const url = `${repoUrl(world)}/actions/artifacts/${artifact.id}`;
  const run = world.workflowRuns.find((candidate) => candidate.id === artifact.runId);
  const repoId = stableId(`repo:${world.site.owner}/${world.site.name}`);
  return {
    id: artifact.id,
    node_id: nodeId('Artifact', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.zip.length,
    url,
    archive_download_url: `${url}/zip`,
    expired: false,
    created_at: artifact.createdAt,
    updated_at: artifact.createdAt,
    expires_at: '2026-04-01T00:00:00Z',
    workflow_run: {
      id: artifact.runId,
      repository_id: repoId,
      head_repository_id: repoId,
      head_branch: world.headRef,
      head_sha: run?.headSha ?? world.head.sha,
    },
  };
}

export function renderWorkflowRun(world: World, run: WorkflowRunState): Json {
  const url = `${repoUrl(world)}/actions/runs/${run.id}`;
  const workflowId = stableId(`workflow:${run.name}`);
  const repo = repository(world.site);
  const person = { name: 'riskgate sim', email: 'sim@example.invalid' };
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    check_suite_id: run.checkSuiteId,
    check_suite_node_id: nodeId('CheckSuite', run.checkSuiteId),
    head_branch: world.headRef,
    head_sha: run.headSha,
    path: '.github/workflows/load-test.yml',
    run_number: run.id,
    run_attempt: 1,
    display_title: world.title,
    event: 'pull_request',
    status: 'completed',
    conclusion: 'success',
    workflow_id: workflowId,
    url,
    html_url: `${webUrl(world)}/actions/runs/${run.id}`,
    pull_requests: run.headSha === world.head.sha ? [pullReference(world.site, pullState(world))] : [],
    created_at: run.createdAt,
    updated_at: run.createdAt,
    run_started_at: run.createdAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${repoUrl(world)}/check-suites/${run.checkSuiteId}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${repoUrl(world)}/actions/workflows/${workflowId}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha,
      message: world.title,
      timestamp: EPOCH,
      author: person,
      committer: person,
    },
    repository: repo,
    head_repository: repo,
  };
}

export function renderCommit(world: World, sha: string): Json {
  const commit = world.git.commits.get(sha)!;
  return gitCommit(world.site, sha, commit.treeSha, commit.parent, commit.message, EPOCH);
}
