import type { ReportFormat } from './policy.js';

/**
 * Everything the engine may know about one pull request, as plain data.
 * A scenario file is a snapshot written by hand; contexts (GitHub, local git) produce one.
 */
export interface ChangedFile {
  path: string;
  previousPath?: string;
  /** Text before the change; null when the file was added. */
  base: string | null;
  /** Text after the change; null when the file was removed. */
  head: string | null;
  binary?: boolean;
  /** Set when the context could not read the contents (too large, unavailable); says why. */
  unavailable?: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';

export interface Review {
  user: string;
  state: ReviewState;
  /** The review is of an older commit than the head. */
  stale?: boolean;
  /** Files changed after the reviewed commit; absent on a stale review means every changed file. */
  changedSince?: string[];
}

export const CHECK_CONCLUSIONS = [
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
  'pending',
] as const;
export type CheckConclusion = (typeof CHECK_CONCLUSIONS)[number];

export interface ReportFile {
  name: string;
  text: string;
}

/** A load-test report as gathered by a context: its files, or why it could not be read. */
export interface Evidence {
  /** Where it came from, for messages: "output of check run load-test / k6", "artifact k6-summary". */
  source: string;
  files: ReportFile[];
  format?: ReportFormat;
  error?: string;
  /** Supplied by the user for a local evaluation (`--evidence`): stands in for the check that would carry it. */
  local?: boolean;
}

export interface Check {
  name: string;
  conclusion: CheckConclusion;
  app?: string;
  /** The check ran on an older commit than the head. */
  stale?: boolean;
  /** Short id of the commit the check ran on, for messages. */
  commit?: string;
  /**
   * For a stale check: the files that differ between its commit and the head, with their text at its commit
   * (null: absent there). Load-test evidence still counts when the keys it depends on have the same values.
   */
  testedFiles?: { path: string; text: string | null }[];
  report?: Evidence;
}

export type Permission = 'none' | 'read' | 'triage' | 'write' | 'maintain' | 'admin';

export interface Snapshot {
  pr: {
    number: number;
    author: string;
    body: string;
    labels: { name: string; by: string | null }[];
    title?: string;
    url?: string;
    headSha?: string;
    baseSha?: string;
  };
  files: ChangedFile[];
  reviews: Review[];
  checks: Check[];
  /** Org team membership, `org/slug` → logins. Inline teams come from the policy. */
  members: Record<string, string[]>;
  /** Repository permission per login; a login not listed has `write`. */
  permissions: Record<string, Permission>;
  /** Load-test reports gathered for a requirement id (`--evidence`, artifacts, files at head). */
  evidence: Record<string, Evidence>;
  /** Facts the context could not gather; each makes the evaluation incomplete (fail closed). */
  errors: string[];
}
