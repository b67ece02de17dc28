/** Org team membership. `GITHUB_TOKEN` cannot read it (GitHub answers 404); that is an error to act on, not a guess. */
import type { Octokit } from '@octokit/rest';
import { apiFailure, statusOf } from './errors.js';

export interface TeamFacts {
  members: Record<string, string[]>;
  errors: string[];
}

export async function readTeams(gh: Octokit, teams: string[]): Promise<TeamFacts> {
  const read = await Promise.all(teams.map((team) => readTeam(gh, team)));
  return {
    members: Object.fromEntries(
      read.flatMap((result, index) => ('members' in result ? [[teams[index], result.members]] : [])),
    ),
    errors: read.flatMap((result) => ('error' in result ? [result.error] : [])),
  };
}

async function readTeam(gh: Octokit, team: string): Promise<{ members: string[] } | { error: string }> {
  const [org, slug] = team.split('/');
  try {
    const members = await gh.paginate(gh.rest.teams.listMembersInOrg, {
      org,
      team_slug: slug,
      per_page: 100,
    });
    return { members: members.map((member) => member.login) };
  } catch (error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 404) throw apiFailure(`read the members of team ${team}`, error);
    return {
      error:
        `reading team ${team} needs a token with \`members: read\` (org) — pass \`teams-token\` or list the team ` +
        `inline under \`teams:\` (GitHub answered ${status}; the team may also not exist)`,
    };
  }
}
