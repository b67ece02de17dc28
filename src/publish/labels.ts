/** One `riskgate:risk-<level>` label on the pull request; a changed risk replaces the old label. */
import type { Risk } from '../model/risk.js';
import type { GitHub, PullRef } from './github.js';

export const RISK_LABEL_PREFIX = 'riskgate:risk-';

export interface LabelChange {
  add: string | null;
  remove: string[];
}

/** Pure. Risk `none` carries no label: most pull requests change nothing risky and need no badge. */
export function riskLabelChange(current: string[], risk: Risk): LabelChange {
  const wanted = risk === 'none' ? null : `${RISK_LABEL_PREFIX}${risk}`;
  const ours = current.filter((name) => name.toLowerCase().startsWith(RISK_LABEL_PREFIX));
  return {
    add: wanted !== null && !ours.includes(wanted) ? wanted : null,
    remove: ours.filter((name) => name !== wanted),
  };
}

export async function applyLabelChange(gh: GitHub, pull: PullRef, change: LabelChange): Promise<void> {
  const issue = { owner: pull.owner, repo: pull.repo, issue_number: pull.number };
  for (const name of change.remove) {
    await gh.rest.issues.removeLabel({ ...issue, name }).catch((error: { status?: number }) => {
      if (error.status !== 404) throw error; // already gone
    });
  }
  if (change.add !== null) await gh.rest.issues.addLabels({ ...issue, labels: [change.add] });
}
