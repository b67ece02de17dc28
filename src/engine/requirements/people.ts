import type { Policy } from '../../model/policy.js';
import type { Snapshot } from '../../model/snapshot.js';

/** Who is in a listed `teams`/`by` entry: inline teams from the policy, `org/slug` teams from the snapshot. */
export interface People {
  members(team: string): string[];
  /** The first listed entry (a login or a team) that includes the login, or null. */
  entryOf(login: string, entries: readonly string[]): string | null;
  describe(entries: readonly string[]): string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function people(policy: Policy, snapshot: Snapshot): People {
  const members = (team: string) => policy.teams[team] ?? snapshot.members[team] ?? [];
  const isTeam = (entry: string) => entry in policy.teams || entry.includes('/');
  return {
    members,
    entryOf: (login, entries) =>
      entries.find((entry) =>
        isTeam(entry) ? members(entry).some((m) => same(m, login)) : same(entry, login),
      ) ?? null,
    describe: (entries) =>
      entries
        .map((entry) =>
          isTeam(entry) ? `${entry} (${members(entry).join(', ') || 'no known members'})` : entry,
        )
        .join(', '),
  };
}

export const sameLogin = same;
