/** Who applied each label: the actor of its latest `labeled` event (a waiver counts only from an authorised login). */
import type { Octokit } from '@octokit/rest';
import type { Snapshot } from '../../model/snapshot.js';
import { reading } from './errors.js';
import type { RepoRef } from './pull.js';

export async function readLabelActors(
  gh: Octokit,
  repo: RepoRef,
  pull: { number: number; labels: string[] },
): Promise<Snapshot['pr']['labels']> {
  const events = await reading(`list the events of pull request #${pull.number}`, () =>
    gh.paginate(gh.rest.issues.listEvents, { ...repo, issue_number: pull.number, per_page: 100 }),
  );
  const appliedBy = new Map<string, string | null>();
  for (const event of events) {
    if (event.event === 'labeled' && 'label' in event && event.label)
      appliedBy.set(event.label.name, event.actor?.login ?? null);
  }
  return pull.labels.map((name) => ({ name, by: appliedBy.get(name) ?? null }));
}
