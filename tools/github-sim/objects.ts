/**
 * REST representations, complete as GitHub's OpenAPI description requires them (every required property,
 * nulls where GitHub sends nulls). Values derive from names so that responses are deterministic.
 */
import { createHash } from 'node:crypto';

export type Json = Record<string, unknown>;

export interface Site {
  /** API root (the simulator's own URL). */
  api: string;
  /** Web root used in html_url fields. */
  web: string;
  owner: string;
  name: string;
}

export const stableId = (text: string): number =>
  createHash('sha1').update(text).digest().readUInt32BE(0) % 2_000_000_000;
const nodeId = (kind: string, id: number | string) => Buffer.from(`${kind}:${id}`).toString('base64url');

export function user(site: Site, login: string): Json {
  const id = stableId(`user:${login}`);
  const url = `${site.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId('User', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${site.web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

const REPO_URLS: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}',
};

/** A full repository (a superset of minimal-repository). `owner` may differ from the site's for a fork. */
export function repository(site: Site, owner = site.owner, fork = false): Json {
  const fullName = `${owner}/${site.name}`;
  const id = stableId(`repo:${fullName}`);
  const url = `${site.api}/repos/${fullName}`;
  const urls = Object.fromEntries(Object.entries(REPO_URLS).map(([key, suffix]) => [key, url + suffix]));
  const host = new URL(site.web).host;
  return {
    id,
    node_id: nodeId('Repository', id),
    name: site.name,
    full_name: fullName,
    owner: user(site, owner),
    private: true,
    html_url: `${site.web}/${fullName}`,
    description: null,
    fork,
    url,
    ...urls,
    clone_url: `${site.web}/${fullName}.git`,
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    svn_url: `${site.web}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: 'main',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 1,
    open_issues_count: 1,
    size: 0,
    has_downloads: true,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: EPOCH,
    created_at: EPOCH,
    updated_at: EPOCH,
  };
}

export const EPOCH = '2026-01-01T00:00:00Z';

/** Deterministic timestamps: each event one minute after the previous one. */
export class Clock {
  private tick = 0;
  now(): string {
    this.tick += 1;
    return new Date(Date.parse(EPOCH) + this.tick * 60_000).toISOString().replace('.000Z', 'Z');
  }
}

/** Labels without a description carry '' (the pull-request-simple schema has no null there). */
export function label(site: Site, name: string, color = 'ededed', description = ''): Json {
  const id = stableId(`label:${name}`);
  return {
    id,
    node_id: nodeId('Label', id),
    url: `${site.api}/repos/${site.owner}/${site.name}/labels/${encodeURIComponent(name)}`,
    name,
    description,
    color,
    default: false,
  };
}

export interface PullState {
  number: number;
  title: string;
  body: string;
  author: string;
  headRef: string;
  headSha: string;
  baseSha: string;
  fork: boolean;
  labels: Json[];
  changedFiles: number;
  additions: number;
  deletions: number;
  commits: number;
  requestedUsers: string[];
  requestedTeams: Json[];
}

/** `full` adds the fields only the single-pull endpoint has (pull-request vs pull-request-simple). */
export function pullRequest(site: Site, pull: PullState, full: boolean): Json {
  const repoUrl = `${site.api}/repos/${site.owner}/${site.name}`;
  const url = `${repoUrl}/pulls/${pull.number}`;
  const html = `${site.web}/${site.owner}/${site.name}/pull/${pull.number}`;
  const issue = `${repoUrl}/issues/${pull.number}`;
  const headOwner = pull.fork ? pull.author : site.owner;
  const id = stableId(`pull:${pull.number}`);
  const simple: Json = {
    url,
    id,
    node_id: nodeId('PullRequest', id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${repoUrl}/statuses/${pull.headSha}`,
    number: pull.number,
    state: 'open',
    locked: false,
    title: pull.title,
    user: user(site, pull.author),
    body: pull.body,
    labels: pull.labels,
    milestone: null,
    created_at: EPOCH,
    updated_at: EPOCH,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.requestedUsers.map((login) => user(site, login)),
    requested_teams: pull.requestedTeams,
    head: {
      label: `${headOwner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: user(site, headOwner),
      repo: repository(site, headOwner, pull.fork),
    },
    base: {
      label: `${site.owner}:main`,
      ref: 'main',
      sha: pull.baseSha,
      user: user(site, site.owner),
      repo: repository(site),
    },
    _links: Object.fromEntries(
      Object.entries({
        self: url,
        html,
        issue,
        comments: `${issue}/comments`,
        review_comments: `${url}/comments`,
        review_comment: `${repoUrl}/pulls/comments{/number}`,
        commits: `${url}/commits`,
        statuses: `${repoUrl}/statuses/${pull.headSha}`,
      }).map(([key, href]) => [key, { href }]),
    ),
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
  };
  if (!full) return simple;
  return {
    ...simple,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'blocked',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits,
    additions: pull.additions,
    deletions: pull.deletions,
    changed_files: pull.changedFiles,
  };
}

/** The short pull-request reference that check runs and workflow runs carry. */
export function pullReference(site: Site, pull: PullState): Json {
  const repo = {
    id: stableId(`repo:${site.owner}/${site.name}`),
    url: `${site.api}/repos/${site.owner}/${site.name}`,
    name: site.name,
  };
  return {
    id: stableId(`pull:${pull.number}`),
    number: pull.number,
    url: `${site.api}/repos/${site.owner}/${site.name}/pulls/${pull.number}`,
    head: { ref: pull.headRef, sha: pull.headSha, repo },
    base: { ref: 'main', sha: pull.baseSha, repo },
  };
}

export function githubActionsApp(site: Site, slug: string): Json {
  const id = stableId(`app:${slug}`);
  return {
    id,
    slug,
    node_id: nodeId('App', id),
    owner: user(site, site.owner),
    name: slug === 'github-actions' ? 'GitHub Actions' : slug,
    description: null,
    external_url: `${site.web}/apps/${slug}`,
    html_url: `${site.web}/apps/${slug}`,
    created_at: EPOCH,
    updated_at: EPOCH,
    permissions: {},
    events: [],
  };
}

export function team(site: Site, org: string, slug: string): Json {
  const id = stableId(`team:${org}/${slug}`);
  const url = `${site.api}/organizations/${stableId(`org:${org}`)}/team/${id}`;
  return {
    id,
    node_id: nodeId('Team', id),
    url,
    html_url: `${site.web}/orgs/${org}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    permission: 'pull',
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
    parent: null,
    type: 'organization',
  };
}

export function gitCommit(
  site: Site,
  sha: string,
  treeSha: string,
  parent: string | null,
  message: string,
  when: string,
): Json {
  const repoUrl = `${site.api}/repos/${site.owner}/${site.name}`;
  const person = { name: 'riskgate sim', email: 'sim@example.invalid', date: when };
  return {
    url: `${repoUrl}/commits/${sha}`,
    sha,
    node_id: nodeId('Commit', sha),
    html_url: `${site.web}/${site.owner}/${site.name}/commit/${sha}`,
    comments_url: `${repoUrl}/commits/${sha}/comments`,
    commit: {
      author: person,
      committer: person,
      message,
      comment_count: 0,
      tree: { sha: treeSha, url: `${repoUrl}/git/trees/${treeSha}` },
      url: `${repoUrl}/git/commits/${sha}`,
    },
    author: null,
    committer: null,
    parents: parent
      ? [
          {
            sha: parent,
            url: `${repoUrl}/commits/${parent}`,
            html_url: `${site.web}/${site.owner}/${site.name}/commit/${parent}`,
          },
        ]
      : [],
  };
}

/** A diff-entry as the pull-request files and compare endpoints list it. `patch` is never sent (GitHub omits it too for large diffs). */
export interface FileChange {
  filename: string;
  previous_filename?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  sha: string | null;
  additions: number;
  deletions: number;
}

export function diffEntry(site: Site, change: FileChange, ref: string): Json {
  const path = change.filename.split('/').map(encodeURIComponent).join('/');
  const web = `${site.web}/${site.owner}/${site.name}`;
  return {
    sha: change.sha,
    filename: change.filename,
    status: change.status,
    additions: change.additions,
    deletions: change.deletions,
    changes: change.additions + change.deletions,
    blob_url: `${web}/blob/${ref}/${path}`,
    raw_url: `${web}/raw/${ref}/${path}`,
    contents_url: `${site.api}/repos/${site.owner}/${site.name}/contents/${path}?ref=${ref}`,
    ...(change.previous_filename ? { previous_filename: change.previous_filename } : {}),
  };
}
