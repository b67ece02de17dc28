/** The REST endpoints the simulator answers, with GitHub's semantics for paging, refs, errors and write rules. */
import { isBinary, Repository } from './git.js';
import { executeQuery, type GitObject } from './graphql.js';
import { diffEntry, label as labelObject, repository, stableId, user, type Json } from './objects.js';
import {
  renderArtifact,
  renderCheckRun,
  renderComment,
  renderCombinedStatus,
  renderCommit,
  renderIssueEvent,
  renderPull,
  renderRequestedReviewers,
  renderReview,
  renderStatus,
  renderWorkflowRun,
} from './render.js';
import { ACTOR, lineCounts, type CheckRunState, type StatusState, type World } from './world.js';

export interface SimRequest {
  method: string;
  /** Path without the query, percent-encoding kept. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  accept: string;
  /** The server's own URL (for Link headers). */
  url: string;
  /** What the request's token may do. */
  access: { write: boolean; members: boolean };
}

export interface SimResponse {
  status: number;
  /** JSON body; or raw bytes with `contentType`. */
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

type Params = Record<string, string>;
type Handler = (world: World, request: SimRequest, params: Params) => SimResponse;

/** The pull request files endpoint lists at most this many files, whatever `changed_files` says. */
const MAX_LISTED_FILES = 3000;
/** The compare endpoint lists at most this many files. */
const MAX_COMPARE_FILES = 300;

const DOCS = 'https://docs.github.com/rest';
export const error = (status: number, message: string, extra: Json = {}): SimResponse => ({
  status,
  body: { message, documentation_url: DOCS, status: String(status), ...extra },
});
const notFound = () => error(404, 'Not Found');
const ok = (body: unknown, status = 200): SimResponse => ({ status, body });
const invalid = (message: string) => error(422, message);

const ROUTES: [string, string, Handler][] = [
  ['POST', '/graphql', graphql],
  ['GET', '/_sim/artifacts/:id', artifactBlob],
  ['GET', '/orgs/:org/teams/:slug/members', teamMembers],
  ['GET', '/repos/:owner/:repo', (world) => ok(repository(world.site))],
  ['GET', '/repos/:owner/:repo/pulls', listPulls],
  ['GET', '/repos/:owner/:repo/pulls/:number', withPull((world) => ok(renderPull(world, true)))],
  ['GET', '/repos/:owner/:repo/pulls/:number/files', withPull(pullFiles)],
  ['GET', '/repos/:owner/:repo/pulls/:number/commits', withPull(pullCommits)],
  [
    'GET',
    '/repos/:owner/:repo/pulls/:number/reviews',
    withPull((world, request) =>
      page(
        request,
        world.reviews.map((review) => renderReview(world, review)),
      ),
    ),
  ],
  [
    'GET',
    '/repos/:owner/:repo/pulls/:number/requested_reviewers',
    withPull((world) => ok(renderRequestedReviewers(world))),
  ],
  ['POST', '/repos/:owner/:repo/pulls/:number/requested_reviewers', withPull(requestReviewers)],
  ['DELETE', '/repos/:owner/:repo/pulls/:number/requested_reviewers', withPull(removeReviewers)],
  ['GET', '/repos/:owner/:repo/commits/:ref/pulls', commitPulls],
  ['GET', '/repos/:owner/:repo/commits/:ref/check-runs', checkRunsForRef],
  ['GET', '/repos/:owner/:repo/commits/:ref/status', combinedStatus],
  ['GET', '/repos/:owner/:repo/commits/:ref/statuses', statusesForRef],
  ['POST', '/repos/:owner/:repo/statuses/:sha', createStatus],
  ['POST', '/repos/:owner/:repo/check-runs', createCheckRun],
  [
    'GET',
    '/repos/:owner/:repo/check-runs/:id',
    withCheckRun((world, _request, run) => ok(renderCheckRun(world, run))),
  ],
  ['PATCH', '/repos/:owner/:repo/check-runs/:id', withCheckRun(updateCheckRun)],
  [
    'GET',
    '/repos/:owner/:repo/issues/:number/comments',
    withPull((world, request) =>
      page(
        request,
        world.comments.map((comment) => renderComment(world, comment)),
      ),
    ),
  ],
  ['POST', '/repos/:owner/:repo/issues/:number/comments', withPull(createComment)],
  [
    'GET',
    '/repos/:owner/:repo/issues/comments/:id',
    (world, _request, params) => withComment(world, params, (comment) => ok(renderComment(world, comment))),
  ],
  ['PATCH', '/repos/:owner/:repo/issues/comments/:id', updateComment],
  [
    'GET',
    '/repos/:owner/:repo/issues/:number/labels',
    withPull((world, request) =>
      page(
        request,
        world.pullLabels.map((name) => world.labels.get(name)),
      ),
    ),
  ],
  ['POST', '/repos/:owner/:repo/issues/:number/labels', withPull(addLabels)],
  ['DELETE', '/repos/:owner/:repo/issues/:number/labels/:name', withPull(removeLabel)],
  [
    'GET',
    '/repos/:owner/:repo/issues/:number/events',
    withPull((world, request) =>
      page(
        request,
        world.events.map((event) => renderIssueEvent(world, event)),
      ),
    ),
  ],
  [
    'GET',
    '/repos/:owner/:repo/labels/:name',
    (world, _request, params) => {
      const found = world.labels.get(decodeURIComponent(params.name));
      return found ? ok(found) : notFound();
    },
  ],
  ['POST', '/repos/:owner/:repo/labels', createLabel],
  ['GET', '/repos/:owner/:repo/collaborators/:user/permission', permission],
  ['GET', '/repos/:owner/:repo/compare/*basehead', compare],
  ['GET', '/repos/:owner/:repo/contents/*path', contents],
  ['GET', '/repos/:owner/:repo/git/blobs/:sha', blob],
  ['GET', '/repos/:owner/:repo/actions/runs', workflowRuns],
  ['GET', '/repos/:owner/:repo/actions/runs/:id/artifacts', runArtifacts],
  ['GET', '/repos/:owner/:repo/actions/artifacts/:id/:format', artifactDownload],
];

const COMPILED = ROUTES.map(([method, pattern, handler]) => {
  const names: string[] = [];
  const source = pattern.replace(/[:*](\w+)/g, (whole, name: string) => {
    names.push(name);
    return whole.startsWith('*') ? '(.+)' : '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
});

export function route(world: World, request: SimRequest): SimResponse {
  const matches = COMPILED.map((candidate) => ({
    candidate,
    match: candidate.pattern.exec(request.path),
  })).filter(({ match }) => match);
  const found = matches.find(({ candidate }) => candidate.method === request.method);
  if (!found) return matches.length ? error(405, `Method ${request.method} not allowed here`) : notFound();
  const params = Object.fromEntries(
    found.candidate.names.map((name, index) => [name, found.match![index + 1]]),
  );
  if ('owner' in params && !sameRepo(world, params)) return notFound();
  const writes = request.method !== 'GET' && request.method !== 'HEAD' && request.path !== '/graphql';
  if (writes && !request.access.write) return error(403, 'Resource not accessible by integration');
  return found.candidate.handler(world, request, params);
}

const sameRepo = (world: World, params: Params) =>
  params.owner.toLowerCase() === world.site.owner.toLowerCase() &&
  params.repo.toLowerCase() === world.site.name.toLowerCase();

function withPull(handler: Handler): Handler {
  return (world, request, params) =>
    Number(params.number) === world.number ? handler(world, request, params) : notFound();
}

function withCheckRun(
  handler: (world: World, request: SimRequest, run: CheckRunState) => SimResponse,
): Handler {
  return (world, request, params) => {
    const run = world.checkRuns.find((candidate) => candidate.id === Number(params.id));
    return run ? handler(world, request, run) : notFound();
  };
}

function withComment(
  world: World,
  params: Params,
  handler: (comment: World['comments'][number]) => SimResponse,
): SimResponse {
  const comment = world.comments.find((candidate) => candidate.id === Number(params.id));
  return comment ? handler(comment) : notFound();
}

/** GitHub's paging: `per_page` (default 30, at most 100) and `page`, with a Link header to the next and last pages. */
function paging(request: SimRequest): { perPage: number; pageNumber: number } {
  const perPage = Math.min(Math.max(Number(request.query.get('per_page') ?? 30) || 30, 1), 100);
  const pageNumber = Math.max(Number(request.query.get('page') ?? 1) || 1, 1);
  return { perPage, pageNumber };
}

function pageOf<T>(request: SimRequest, items: T[]): { items: T[]; headers: Record<string, string> } {
  const { perPage, pageNumber } = paging(request);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (pageNo: number, rel: string) => {
    const query = new URLSearchParams(request.query);
    query.set('per_page', String(perPage));
    query.set('page', String(pageNo));
    return `<${request.url}${request.path}?${query}>; rel="${rel}"`;
  };
  const links = [
    ...(pageNumber > 1 ? [link(pageNumber - 1, 'prev'), link(1, 'first')] : []),
    ...(pageNumber < last ? [link(pageNumber + 1, 'next'), link(last, 'last')] : []),
  ];
  return {
    items: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}

function page(request: SimRequest, items: unknown[]): SimResponse {
  const paged = pageOf(request, items);
  return { status: 200, body: paged.items, headers: paged.headers };
}

function wrapped(request: SimRequest, key: string, items: unknown[]): SimResponse {
  const paged = pageOf(request, items);
  return { status: 200, body: { total_count: items.length, [key]: paged.items }, headers: paged.headers };
}

/** A ref as GitHub resolves it here: a commit SHA (or unique prefix), the base branch `main`, or the pull request's branch. */
function resolveRef(world: World, ref: string): string | null {
  const name = decodeURIComponent(ref).replace(/^refs\/heads\//, '');
  if (name === 'main') return world.base.sha;
  if (name === world.headRef || name === `refs/pull/${world.number}/head`) return world.head.sha;
  return world.git.find(name)?.sha ?? null;
}

function listPulls(world: World, request: SimRequest): SimResponse {
  const state = request.query.get('state') ?? 'open';
  const head = request.query.get('head');
  const headOwner = world.fork ? world.author : world.site.owner;
  const matches =
    state !== 'closed' &&
    (!head || head === `${headOwner}:${world.headRef}` || head === world.headRef) &&
    (!request.query.get('base') || request.query.get('base') === 'main');
  return page(request, matches ? [renderPull(world, false)] : []);
}

function pullFiles(world: World, request: SimRequest): SimResponse {
  const listed = world.fileChanges.slice(0, MAX_LISTED_FILES);
  return page(
    request,
    listed.map((change) => diffEntry(world.site, change, world.head.sha)),
  );
}

/** The pull request's commits, oldest first (the base excluded). */
function pullCommits(world: World, request: SimRequest): SimResponse {
  const chain = world.git.ancestors(world.head.sha);
  const own = chain.slice(0, chain.indexOf(world.base.sha)).reverse();
  return page(
    request,
    own.map((sha) => renderCommit(world, sha)),
  );
}

function requestReviewers(world: World, request: SimRequest): SimResponse {
  const body = (request.body ?? {}) as { reviewers?: string[]; team_reviewers?: string[] };
  const users = body.reviewers ?? [];
  if (users.some((login) => login.toLowerCase() === world.author.toLowerCase())) {
    return invalid('Review cannot be requested from pull request author.');
  }
  for (const login of users) world.requestedUsers.add(login);
  for (const slug of body.team_reviewers ?? []) world.requestedTeams.add(slug);
  return ok(renderPull(world, false), 201);
}

function removeReviewers(world: World, request: SimRequest): SimResponse {
  const body = (request.body ?? {}) as { reviewers?: string[]; team_reviewers?: string[] };
  for (const login of body.reviewers ?? []) world.requestedUsers.delete(login);
  for (const slug of body.team_reviewers ?? []) world.requestedTeams.delete(slug);
  return ok(renderPull(world, false));
}

function commitPulls(world: World, request: SimRequest, params: Params): SimResponse {
  const sha = resolveRef(world, params.ref);
  if (!sha) return error(422, `No commit found for SHA: ${params.ref}`);
  return page(
    request,
    world.git.ancestors(world.head.sha).includes(sha) && sha !== world.base.sha
      ? [renderPull(world, false)]
      : [],
  );
}

function checkRunsForRef(world: World, request: SimRequest, params: Params): SimResponse {
  const sha = resolveRef(world, params.ref);
  if (!sha) return error(422, `No commit found for SHA: ${params.ref}`);
  const name = request.query.get('check_name');
  const status = request.query.get('status');
  const appId = request.query.get('app_id');
  let runs = world.checkRuns.filter(
    (run) => run.headSha === sha && (!name || run.name === name) && (!status || run.status === status),
  );
  if (appId) runs = runs.filter((run) => String(stableId(`app:${run.app}`)) === appId);
  // filter=latest (the default): the most recent run of each name.
  if ((request.query.get('filter') ?? 'latest') === 'latest') {
    runs = runs.filter(
      (run, index) =>
        !runs.slice(index + 1).some((later) => later.name === run.name && later.app === run.app),
    );
  }
  return wrapped(
    request,
    'check_runs',
    runs.reverse().map((run) => renderCheckRun(world, run)),
  );
}

function latestStatuses(world: World, sha: string): StatusState[] {
  const latest = new Map<string, StatusState>();
  for (const status of world.statuses) if (status.sha === sha) latest.set(status.context, status);
  return [...latest.values()].reverse();
}

function combinedStatus(world: World, request: SimRequest, params: Params): SimResponse {
  const sha = resolveRef(world, params.ref);
  if (!sha) return notFound();
  const latest = latestStatuses(world, sha);
  const paged = pageOf(request, latest);
  return { status: 200, body: renderCombinedStatus(world, sha, latest, paged.items), headers: paged.headers };
}

function statusesForRef(world: World, request: SimRequest, params: Params): SimResponse {
  const sha = resolveRef(world, params.ref);
  const statuses = sha ? world.statuses.filter((status) => status.sha === sha).reverse() : [];
  return page(
    request,
    statuses.map((status) => renderStatus(world, status)),
  );
}

function createStatus(world: World, request: SimRequest, params: Params): SimResponse {
  const body = request.body as {
    state: StatusState['state'];
    target_url?: string | null;
    description?: string | null;
    context?: string;
  };
  const sha = world.git.commits.has(params.sha) ? params.sha : null;
  if (!sha) return invalid(`No commit found for SHA: ${params.sha}`);
  if (!['error', 'failure', 'pending', 'success'].includes(body?.state)) return invalid('Validation Failed');
  const status: StatusState = {
    id: world.id(),
    sha,
    context: body.context ?? 'default',
    state: body.state,
    description: body.description ?? null,
    targetUrl: body.target_url ?? null,
    creator: ACTOR,
    createdAt: world.clock.now(),
  };
  world.statuses.push(status);
  return ok(renderStatus(world, status), 201);
}

type CheckRunBody = {
  name?: string;
  head_sha?: string;
  status?: CheckRunState['status'];
  conclusion?: string;
  details_url?: string;
  external_id?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: Json[] };
};

function createCheckRun(world: World, request: SimRequest): SimResponse {
  const body = request.body as CheckRunBody;
  if (!body?.name || !body.head_sha || !world.git.commits.has(body.head_sha))
    return invalid('Validation Failed');
  const now = world.clock.now();
  const run: CheckRunState = {
    id: world.id(),
    name: body.name,
    headSha: body.head_sha,
    status: 'queued',
    conclusion: null,
    app: 'github-actions',
    output: { title: null, summary: null, text: null, annotations: [] },
    detailsUrl: null,
    externalId: null,
    startedAt: now,
    completedAt: null,
    checkSuiteId: world.id(),
    runId: null,
  };
  world.checkRuns.push(run);
  applyCheckRun(world, run, body);
  return ok(renderCheckRun(world, run), 201);
}

function updateCheckRun(world: World, request: SimRequest, run: CheckRunState): SimResponse {
  applyCheckRun(world, run, request.body as CheckRunBody);
  return ok(renderCheckRun(world, run));
}

/** A conclusion completes the run; annotations accumulate across updates, as GitHub's do. */
function applyCheckRun(world: World, run: CheckRunState, body: CheckRunBody): void {
  if (body.name) run.name = body.name;
  if (body.status) run.status = body.status;
  if (body.conclusion) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
    run.completedAt = body.completed_at ?? world.clock.now();
  }
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.output) {
    run.output.title = body.output.title ?? run.output.title;
    run.output.summary = body.output.summary ?? run.output.summary;
    run.output.text = body.output.text ?? run.output.text;
    run.output.annotations.push(...(body.output.annotations ?? []));
  }
}

function createComment(world: World, request: SimRequest): SimResponse {
  const body = (request.body as { body?: string })?.body;
  if (typeof body !== 'string') return invalid('Validation Failed');
  const now = world.clock.now();
  const comment = { id: world.id(), body, user: ACTOR, createdAt: now, updatedAt: now };
  world.comments.push(comment);
  return ok(renderComment(world, comment), 201);
}

function updateComment(world: World, request: SimRequest, params: Params): SimResponse {
  return withComment(world, params, (comment) => {
    const body = (request.body as { body?: string })?.body;
    if (typeof body !== 'string') return invalid('Validation Failed');
    comment.body = body;
    comment.updatedAt = world.clock.now();
    return ok(renderComment(world, comment));
  });
}

/** Adding a label that the repository does not have creates it, as GitHub does. */
function addLabels(world: World, request: SimRequest): SimResponse {
  const body = request.body as { labels?: (string | { name: string })[] } | string[];
  const names = (Array.isArray(body) ? body : (body?.labels ?? [])).map((entry) =>
    typeof entry === 'string' ? entry : entry.name,
  );
  for (const name of names) {
    if (!world.labels.has(name)) world.labels.set(name, labelObject(world.site, name));
    if (world.pullLabels.includes(name)) continue;
    world.pullLabels.push(name);
    world.events.push({
      id: world.id(),
      event: 'labeled',
      label: name,
      actor: ACTOR,
      createdAt: world.clock.now(),
    });
  }
  return ok(world.pullLabels.map((name) => world.labels.get(name)));
}

function removeLabel(world: World, _request: SimRequest, params: Params): SimResponse {
  const name = decodeURIComponent(params.name);
  const index = world.pullLabels.indexOf(name);
  if (index < 0) return error(404, 'Label does not exist');
  world.pullLabels.splice(index, 1);
  world.events.push({
    id: world.id(),
    event: 'unlabeled',
    label: name,
    actor: ACTOR,
    createdAt: world.clock.now(),
  });
  return ok(world.pullLabels.map((labelName) => world.labels.get(labelName)));
}

function createLabel(world: World, request: SimRequest): SimResponse {
  const body = request.body as { name?: string; color?: string; description?: string };
  if (!body?.name) return invalid('Validation Failed');
  if (world.labels.has(body.name)) {
    return error(422, 'Validation Failed', {
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
    });
  }
  const created = labelObject(world.site, body.name, body.color ?? 'ededed', body.description ?? '');
  world.labels.set(body.name, created);
  return ok(created, 201);
}

const LEGACY_PERMISSION: Record<string, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

function permission(world: World, _request: SimRequest, params: Params): SimResponse {
  const login = decodeURIComponent(params.user);
  const role = world.permissions[login] ?? 'write';
  return ok({
    permission: LEGACY_PERMISSION[role],
    role_name: role,
    user: { ...user(world.site, login), role_name: role },
  });
}

/** Org team membership needs a token with `members: read`; GitHub answers 404 to any other. */
function teamMembers(world: World, request: SimRequest, params: Params): SimResponse {
  const members = world.members[`${decodeURIComponent(params.org)}/${decodeURIComponent(params.slug)}`];
  if (!members || !request.access.members) return notFound();
  return page(
    request,
    members.map((login) => user(world.site, login)),
  );
}

function compare(world: World, request: SimRequest, params: Params): SimResponse {
  const [from, to] = decodeURIComponent(params.basehead).split('...');
  const base = from && resolveRef(world, from);
  const head = to && resolveRef(world, to);
  if (!base || !head) return notFound();
  const mergeBase = world.git.mergeBase(base, head);
  if (!mergeBase) return notFound();
  const ahead = world.git.ancestors(head).indexOf(mergeBase);
  const behind = world.git.ancestors(base).indexOf(mergeBase);
  const fromTree = world.git.commits.get(mergeBase)!.tree;
  const toTree = world.git.commits.get(head)!.tree;
  const text = (blobSha: string | null) =>
    blobSha === null ? null : world.git.blobs.get(blobSha)!.toString('utf8');
  const files = Repository.changedPaths(fromTree, toTree).map((path) => {
    const before = fromTree.get(path) ?? null;
    const after = toTree.get(path) ?? null;
    const status = before === null ? 'added' : after === null ? 'removed' : 'modified';
    const [additions, deletions] = lineCounts(text(before), text(after));
    return diffEntry(
      world.site,
      { filename: path, status, sha: after ?? before, additions, deletions },
      head,
    );
  });
  const commits = world.git.ancestors(head).slice(0, ahead).reverse();
  const web = `${world.site.web}/${world.site.owner}/${world.site.name}`;
  return ok({
    url: `${world.site.api}/repos/${world.site.owner}/${world.site.name}/compare/${base}...${head}`,
    html_url: `${web}/compare/${base}...${head}`,
    permalink_url: `${web}/compare/${world.site.owner}:${base}...${world.site.owner}:${head}`,
    diff_url: `${web}/compare/${base}...${head}.diff`,
    patch_url: `${web}/compare/${base}...${head}.patch`,
    base_commit: renderCommit(world, base),
    merge_base_commit: renderCommit(world, mergeBase),
    status: ahead && behind ? 'diverged' : ahead ? 'ahead' : behind ? 'behind' : 'identical',
    ahead_by: ahead,
    behind_by: behind,
    total_commits: ahead,
    commits: pageOf(request, commits).items.map((sha) => renderCommit(world, sha)),
    files: files.slice(0, MAX_COMPARE_FILES),
  });
}

const wantsRaw = (request: SimRequest) => /application\/vnd\.github(\.v3)?\.raw/.test(request.accept);

function contents(world: World, request: SimRequest, params: Params): SimResponse {
  const path = decodeURIComponent(params.path);
  const sha = resolveRef(world, request.query.get('ref') ?? 'main');
  const blobSha = sha ? world.git.commits.get(sha)!.tree.get(path) : undefined;
  if (!blobSha) return notFound();
  const bytes = world.git.blobs.get(blobSha)!;
  if (wantsRaw(request)) return { status: 200, raw: bytes, contentType: 'text/plain; charset=utf-8' };
  if (bytes.length > 2 ** 20)
    return error(
      403,
      'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
      { errors: [{ code: 'too_large' }] },
    );
  const repoUrl = `${world.site.api}/repos/${world.site.owner}/${world.site.name}`;
  const self = `${repoUrl}/contents/${params.path}?ref=${sha}`;
  const html = `${world.site.web}/${world.site.owner}/${world.site.name}/blob/${sha}/${params.path}`;
  const gitUrl = `${repoUrl}/git/blobs/${blobSha}`;
  return ok({
    type: 'file',
    encoding: 'base64',
    size: bytes.length,
    name: path.split('/').pop(),
    path,
    content: bytes.toString('base64'),
    sha: blobSha,
    url: self,
    git_url: gitUrl,
    html_url: html,
    download_url: `${world.site.web}/${world.site.owner}/${world.site.name}/raw/${sha}/${params.path}`,
    _links: { self, git: gitUrl, html },
  });
}

function blob(world: World, request: SimRequest, params: Params): SimResponse {
  const bytes = world.git.blobs.get(params.sha);
  if (!bytes) return notFound();
  if (wantsRaw(request)) return { status: 200, raw: bytes, contentType: 'application/octet-stream' };
  return ok({
    sha: params.sha,
    node_id: Buffer.from(`Blob:${params.sha}`).toString('base64url'),
    size: bytes.length,
    url: `${world.site.api}/repos/${world.site.owner}/${world.site.name}/git/blobs/${params.sha}`,
    content: bytes.toString('base64'),
    encoding: 'base64',
  });
}

function workflowRuns(world: World, request: SimRequest): SimResponse {
  const headSha = request.query.get('head_sha');
  const suite = request.query.get('check_suite_id');
  const runs = world.workflowRuns.filter(
    (run) => (!headSha || run.headSha === headSha) && (!suite || String(run.checkSuiteId) === suite),
  );
  return wrapped(
    request,
    'workflow_runs',
    [...runs].reverse().map((run) => renderWorkflowRun(world, run)),
  );
}

function runArtifacts(world: World, request: SimRequest, params: Params): SimResponse {
  if (!world.workflowRuns.some((run) => run.id === Number(params.id))) return notFound();
  const name = request.query.get('name');
  const artifacts = world.artifacts.filter(
    (artifact) => artifact.runId === Number(params.id) && (!name || artifact.name === name),
  );
  return wrapped(
    request,
    'artifacts',
    artifacts.map((artifact) => renderArtifact(world, artifact)),
  );
}

/** Like GitHub, the archive is a redirect to short-lived storage outside the API. */
function artifactDownload(world: World, _request: SimRequest, params: Params): SimResponse {
  const artifact = world.artifacts.find((candidate) => candidate.id === Number(params.id));
  if (!artifact || params.format !== 'zip') return notFound();
  return { status: 302, headers: { location: `${world.site.api}/_sim/artifacts/${artifact.id}` } };
}

function artifactBlob(world: World, _request: SimRequest, params: Params): SimResponse {
  const artifact = world.artifacts.find((candidate) => candidate.id === Number(params.id));
  return artifact ? { status: 200, raw: artifact.zip, contentType: 'application/zip' } : notFound();
}

function graphql(world: World, request: SimRequest): SimResponse {
  const body = request.body as { query?: unknown; variables?: Record<string, unknown> } | undefined;
  if (typeof body?.query !== 'string')
    return error(400, 'A query attribute must be specified and must be a string.');
  const repo = {
    owner: world.site.owner,
    name: world.site.name,
    object: (expression: string): GitObject | null => {
      const split = expression.indexOf(':');
      const sha = resolveRef(world, split < 0 ? expression : expression.slice(0, split));
      if (!sha) return null;
      if (split < 0) return { type: 'Commit', oid: sha };
      const path = expression.slice(split + 1);
      const blobSha = world.git.commits.get(sha)!.tree.get(path);
      if (blobSha) {
        const bytes = world.git.blobs.get(blobSha)!;
        return { type: 'Blob', oid: blobSha, bytes, isBinary: isBinary(bytes) };
      }
      const isFolder = [...world.git.commits.get(sha)!.tree.keys()].some((entry) =>
        entry.startsWith(`${path}/`),
      );
      return isFolder ? { type: 'Tree', oid: sha } : null;
    },
  };
  return ok(executeQuery(repo, body.query, body.variables ?? {}));
}
