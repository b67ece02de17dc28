/**
 * The GitHub context: a pull request read through the API into a Snapshot. Everything is fetched fresh (re-runs
 * replay frozen event payloads), in as few requests as the API allows, and only what the triggered requirements
 * need: the files and the policy first, then classification, then reviews, checks, teams, labels and reports.
 */
import type { Octokit } from '@octokit/rest';
import { classify, factsNeeded, filesToRead } from '../../engine/index.js';
import type { Policy } from '../../model/policy.js';
import type { Finding } from '../../model/report.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Logger } from '../logger.js';
import { readChecks, type HeadCheck } from './checks.js';
import { createGitHubClient, requestCount } from './client.js';
import { readEarlierChecks } from './earlier.js';
import { readEvidence } from './evidence.js';
import { readChangedFiles } from './files.js';
import { readLabelActors } from './labels.js';
import { readPolicy } from './policy.js';
import { assertListable, listFiles, mergeBase, readPull, type PullInfo, type RepoRef } from './pull.js';
import { readPermissions, readReviews } from './reviews.js';
import { comparesReviewedCommits, countableApprovers, gateLabels, unknownActors } from './relevance.js';
import { readTeams } from './teams.js';

export interface PullTarget {
  owner: string;
  repo: string;
  number: number;
  /**
   * The head commit the evaluation must be about (merge_group: the queued pull request head). When the pull
   * request's head has moved on since, the snapshot carries an error, so the result is blocked (fail closed).
   */
  headSha?: string;
}

export interface GatherOptions {
  /** Repository path of the policy file, read from the base commit. */
  policyPath: string;
  log: Logger;
  /** A token that can read org team membership (`members: read`), when the main token cannot. */
  teamsToken?: string;
}

export interface Gathered {
  policy: Policy;
  snapshot: Snapshot;
  /** `classify(policy, snapshot.files)`, computed to plan the reads; `decide` takes it instead of classifying again. */
  findings: Finding[];
  headSha: string;
  baseSha: string;
  /** HTTP requests sent (retries included). */
  requests: number;
}

export async function gatherPullRequest(
  gh: Octokit,
  target: PullTarget,
  options: GatherOptions,
): Promise<Gathered> {
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const teamsClient = options.teamsToken ? teamsClientFor(gh, options) : gh;
  const before = requestCount(gh) + (teamsClient === gh ? 0 : requestCount(teamsClient));
  const { log } = options;

  const pull = await readPull(gh, repo, target.number);
  assertListable(pull);
  log.info(
    `riskgate: pull request #${pull.number} (${pull.changedFiles} changed files) at ${pull.headSha.slice(0, 7)}`,
  );
  const [listed, policy, diffBase] = await Promise.all([
    listFiles(gh, repo, pull),
    readPolicy(gh, repo, pull.baseSha, options.policyPath),
    mergeBase(gh, repo, pull),
  ]);
  const wanted = new Set(
    filesToRead(
      policy,
      listed.map((file) => file.path),
    ),
  );
  log.debug(`riskgate: reading ${wanted.size} of ${listed.length} changed files`);
  const files = await readChangedFiles(gh, repo, listed, wanted, { base: diffBase, head: pull.headSha });
  const findings = classify(policy, files);
  const needs = factsNeeded(policy, findings);

  const [reviewFacts, checks, teams, labels] = await Promise.all([
    needs.reviews ? readReviews(gh, repo, pull, comparesReviewedCommits(policy)) : null,
    needs.checks || needs.evidence.some(({ source }) => source.from === 'artifact')
      ? readChecks(gh, repo, pull.headSha, policy)
      : ([] as HeadCheck[]),
    readTeams(teamsClient, needs.teams),
    needs.labels && pull.labels.some(gateLabels(policy))
      ? readLabelActors(gh, repo, pull)
      : unknownActors(pull),
  ]);
  const counting = reviewFacts ? countableApprovers(policy, reviewFacts.approvers, teams.members) : [];
  const [earlier, permissions] = await Promise.all([
    needs.checks ? readEarlierChecks({ gh, repo, pull, policy, headChecks: checks, wanted }) : [],
    needs.permissions ? readPermissions(gh, repo, counting) : {},
  ]);
  const evidence = await readEvidence(
    { gh, repo, headSha: pull.headSha, checks: [...checks, ...earlier], policy },
    needs.evidence,
  );

  const snapshot: Snapshot = {
    pr: {
      number: pull.number,
      author: pull.author,
      body: pull.body,
      labels,
      title: pull.title,
      url: pull.url,
      headSha: pull.headSha,
      baseSha: pull.baseSha,
    },
    files,
    reviews: reviewFacts?.reviews ?? [],
    checks: [...checks, ...earlier].map(({ runId: _runId, ...check }) => check),
    members: teams.members,
    permissions,
    evidence,
    errors: [...headMismatch(target, pull), ...teams.errors],
  };
  const requests = requestCount(gh) + (teamsClient === gh ? 0 : requestCount(teamsClient)) - before;
  log.info(`riskgate: read pull request #${pull.number} in ${requests} GitHub API requests`);
  return { policy, snapshot, findings, headSha: pull.headSha, baseSha: pull.baseSha, requests };
}

function headMismatch(target: PullTarget, pull: PullInfo): string[] {
  if (!target.headSha || target.headSha === pull.headSha) return [];
  return [
    `pull request #${pull.number} was queued at ${target.headSha.slice(0, 7)} but its head is now ${pull.headSha.slice(0, 7)}; ` +
      'the queued commit is not the one evaluated — re-queue the pull request',
  ];
}

/** A second client, on the same API and with the same logger, for the team-reading token. */
function teamsClientFor(gh: Octokit, options: GatherOptions): Octokit {
  return createGitHubClient({
    token: options.teamsToken!,
    baseUrl: gh.request.endpoint.DEFAULTS.baseUrl,
    log: options.log,
  });
}
