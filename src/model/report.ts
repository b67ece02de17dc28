import type { ChangeKind, RequirementKind, Scalar } from './policy.js';
import type { Risk } from './risk.js';

export interface Finding {
  file: string;
  /** `kind/name` of the YAML document, or its index as a string, in multi-document files. */
  document: string | null;
  /** Dotted key path in the file's own spelling; null for file-level and line-pattern findings. */
  key: string | null;
  change: ChangeKind;
  before: Scalar | undefined;
  after: Scalar | undefined;
  /** 1-based line in the head file (base file for removals), or null. */
  line: number | null;
  loadFactor: number | null;
  risk: Risk;
  rules: string[];
  why: string | null;
  /** Extra explanation: why a load factor is unknown, the parser's message, the matched line. */
  note?: string;
}

export type RequirementStatus = 'met' | 'unmet' | 'waived';

export interface RequirementResult {
  id: string;
  kind: RequirementKind;
  status: RequirementStatus;
  detail: string;
  requiredBy: string[];
  waivedBy?: string;
}

export type Decision = 'passed' | 'blocked';
export type ReleaseTrack = 'low-risk' | 'standard';

export interface Report {
  schemaVersion: 1;
  decision: Decision;
  risk: Risk;
  releaseTrack: ReleaseTrack;
  findings: Finding[];
  requirements: RequirementResult[];
  reviewers: { users: string[]; teams: string[] };
  errors: string[];
}

/** Pseudo rule ids for findings that no policy rule produced. Rule ids cannot contain ':'. */
export const BUILTIN_RULE = {
  selfProtection: 'riskgate:self-protection',
  unparseable: 'riskgate:unparseable',
  unmatched: 'riskgate:unmatched',
} as const;
