import type { Policy } from '../../model/policy.js';
import type { Finding } from '../../model/report.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { People } from './people.js';

export interface RequirementContext {
  id: string;
  policy: Policy;
  snapshot: Snapshot;
  people: People;
  /** Files carrying a finding that requires this requirement. */
  relevantFiles: Set<string>;
  /** Findings that require this requirement. */
  findings: Finding[];
  /** Request rate the change implies for the whole fleet, when the policy and rules allow computing it. */
  expectedRps: number | null;
}

export interface Verdict {
  met: boolean;
  detail: string;
}
