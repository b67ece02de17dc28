/** Cross-reference checks of the merged policy: rule ids, requirement ids, team names, fleet-relative thresholds. */
import type { Policy } from '../model/policy.js';
import type { Risk } from '../model/risk.js';
import type { Origin, Origins } from './merge.js';
import type { Path } from './source.js';
import { didYouMean } from './suggest.js';

export interface OriginMessage {
  origin: Origin;
  message: string;
}

const ORG_TEAM = /^[^/\s]+\/[^/\s]+$/;

/** `where(origin)` renders an origin as `file:line:col` for messages that point at another place. */
export function crossReferenceProblems(
  policy: Policy,
  origins: Origins,
  where: (origin: Origin) => string,
): OriginMessage[] {
  return [
    ...duplicateRuleIds(policy, origins, where),
    ...requirementReferences(policy, origins),
    ...teamReferences(policy, origins),
    ...fleetReferences(policy, origins),
  ];
}

const at = (origin: Origin, ...path: Path): Origin => ({
  fragment: origin.fragment,
  path: [...origin.path, ...path],
});

function duplicateRuleIds(
  policy: Policy,
  origins: Origins,
  where: (origin: Origin) => string,
): OriginMessage[] {
  const first = new Map<string, Origin>();
  return policy.rules.flatMap((rule, index) => {
    const origin = at(origins.rules[index], 'id');
    const earlier = first.get(rule.id);
    if (!earlier) {
      first.set(rule.id, origin);
      return [];
    }
    const message = `duplicate rule id \`${rule.id}\`: already used at ${where(earlier)}; rule ids must be unique across the policy and the files it extends`;
    return [{ origin, message }];
  });
}

function requirementReferences(policy: Policy, origins: Origins): OriginMessage[] {
  const defined = Object.keys(policy.requirements);
  const check = (id: string, origin: Origin): OriginMessage[] => {
    if (id in policy.requirements) return [];
    const known =
      defined.length > 0 ? `defined: ${defined.map((d) => `\`${d}\``).join(', ')}` : 'none is defined';
    const hint = didYouMean(id, defined) || `; define it under \`requirements:\` (${known})`;
    return [{ origin, message: `unknown requirement \`${id}\`${hint}` }];
  };
  const fromLevels = (Object.entries(policy.levels) as [Risk, string[]][]).flatMap(([risk, ids]) =>
    ids.flatMap((id, index) => check(id, at(origins.levels[risk]!, index))),
  );
  const fromRules = policy.rules.flatMap((rule, index) =>
    (rule.requires ?? []).flatMap((id, item) => check(id, at(origins.rules[index], 'requires', item))),
  );
  return [...fromLevels, ...fromRules];
}

function teamReferences(policy: Policy, origins: Origins): OriginMessage[] {
  const inline = Object.keys(policy.teams);
  const known = (team: string) => team in policy.teams || ORG_TEAM.test(team);
  const unknown = (team: string, index: number, origin: Origin, hint: string): OriginMessage => ({
    origin: at(origin, index),
    message: `unknown team \`${team}\`${hint}`,
  });
  /** `review.teams` lists teams only. */
  const teams = (list: string[] | undefined, origin: Origin): OriginMessage[] =>
    (list ?? []).flatMap((team, index) => {
      if (known(team)) return [];
      const hint =
        didYouMean(team, inline) ||
        (team.includes('/')
          ? '; an org team is written `org/slug`'
          : '; define it under `teams:` or write an org team as `org/slug`');
      return [unknown(team, index, origin, hint)];
    });
  /** `by` lists logins and teams (contracts §1.5); a bare name close to an inline team is a typo, not a login. */
  const by = (list: string[] | undefined, origin: Origin): OriginMessage[] =>
    (list ?? []).flatMap((entry, index) => {
      if (known(entry)) return [];
      if (entry.includes('/')) return [unknown(entry, index, origin, '; an org team is written `org/slug`')];
      const hint = didYouMean(entry, inline);
      return hint ? [unknown(entry, index, origin, hint)] : [];
    });
  const fromRequirements = Object.entries(policy.requirements).flatMap(([id, requirement]) => {
    const origin = origins.requirements[id];
    return [
      ...teams(requirement.review?.teams, at(origin, 'review', 'teams')),
      ...by(requirement.label?.by, at(origin, 'label', 'by')),
    ];
  });
  const fromWaivers = policy.waivers ? by(policy.waivers.by, at(origins.waivers!, 'by')) : [];
  return [...fromRequirements, ...fromWaivers];
}

function fleetReferences(policy: Policy, origins: Origins): OriginMessage[] {
  if (policy.fleet) return [];
  return Object.entries(policy.requirements).flatMap(([id, requirement]) => {
    const loadTest = requirement.load_test;
    const origin = at(origins.requirements[id], 'load_test');
    const needs: OriginMessage[] = [];
    if (loadTest?.min_fleet_fraction !== undefined) {
      needs.push({
        origin: at(origin, 'min_fleet_fraction'),
        message: '`min_fleet_fraction` needs `fleet.clients` (the number of clients in production)',
      });
    }
    if (loadTest?.min_rps === 'expected') {
      needs.push({
        origin: at(origin, 'min_rps'),
        message: '`min_rps: expected` needs `fleet.clients` (the number of clients in production)',
      });
    }
    return needs;
  });
}
