/**
 * The pull-request side of publishing: risk label, review requests, sticky comment. Each is
 * optional (inputs) and each degrades to a note when the token may not write it.
 */
import type { Report } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import {
  commentMarker,
  findStickyComment,
  nextBody,
  resolvedBody,
  writeStickyComment,
} from '../publish/comment.js';
import { tryWrite, type DeniedWrite } from '../publish/denied.js';
import type { GitHub, PullRef } from '../publish/github.js';
import { applyLabelChange, riskLabelChange } from '../publish/labels.js';
import {
  isEmptyRequest,
  listRequestedReviewers,
  planReviewRequest,
  requestReviewers,
  type ReviewRequest,
} from '../publish/reviewers.js';
import { renderMarkdown } from '../report/index.js';
import type { ActionInputs } from './inputs.js';

export interface PullPublication {
  gh: GitHub;
  pull: PullRef;
  inputs: ActionInputs;
  report: Report;
  snapshot: Snapshot;
  denied: DeniedWrite[];
  notes: string[];
}

const PULL_WRITE = 'pull-requests: write';

async function publishLabel(p: PullPublication): Promise<void> {
  const change = riskLabelChange(
    p.snapshot.pr.labels.map((label) => label.name),
    p.report.risk,
  );
  if (change.add === null && change.remove.length === 0) return;
  await tryWrite(p.denied, { write: 'risk label', permission: PULL_WRITE }, () =>
    applyLabelChange(p.gh, p.pull, change),
  );
}

/** Reviewers with a review of the current head are not asked again; a stale review may be re-requested. */
const currentReviewers = (snapshot: Snapshot): string[] =>
  snapshot.reviews.filter((review) => !review.stale).map((review) => review.user);

async function publishReviewRequest(p: PullPublication): Promise<void> {
  const wanted = p.report.reviewers;
  if (wanted.users.length === 0 && wanted.teams.length === 0) return;
  const requested = await listRequestedReviewers(p.gh, p.pull);
  const request: ReviewRequest = planReviewRequest(wanted, {
    owner: p.pull.owner,
    author: p.snapshot.pr.author,
    requestedUsers: requested.users,
    requestedTeams: requested.teams,
    reviewedBy: currentReviewers(p.snapshot),
  });
  p.notes.push(...request.notes);
  if (isEmptyRequest(request)) return;
  try {
    await tryWrite(p.denied, { write: 'review requests', permission: PULL_WRITE }, () =>
      requestReviewers(p.gh, p.pull, request),
    );
  } catch (error) {
    // 422: a listed reviewer is not a collaborator; the policy names someone who cannot review here.
    if ((error as { status?: number }).status !== 422) throw error;
    p.notes.push(
      `GitHub refused the review request (${(error as Error).message}); check the policy's reviewers`,
    );
  }
}

/** "Risky" is any finding above `none`: that is what the comment is about. */
async function publishComment(p: PullPublication): Promise<void> {
  const marker = commentMarker(p.inputs.checkName);
  const existing = await findStickyComment(p.gh, p.pull, marker);
  const body = nextBody({
    existing,
    risky: p.report.risk !== 'none',
    report: renderMarkdown(p.report, { marker }),
    resolved: resolvedBody(marker),
  });
  await tryWrite(p.denied, { write: 'pull request comment', permission: PULL_WRITE }, () =>
    writeStickyComment(p.gh, p.pull, existing, body),
  );
}

export async function publishToPull(p: PullPublication): Promise<void> {
  if (p.inputs.labels) await publishLabel(p);
  if (p.inputs.requestReviewers) await publishReviewRequest(p);
  if (p.inputs.comment) await publishComment(p);
}
