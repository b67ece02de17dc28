import type { Risk } from './risk.js';

/** The resolved policy: validated, `extends` merged, defaults applied. Field names follow the policy file. */
export type ConfigFormat = 'yaml' | 'json' | 'jsonc' | 'toml' | 'ini' | 'properties' | 'env';
export type ChangeKind = 'added' | 'removed' | 'changed';
export type Scalar = string | number | boolean | null;
export type ReportFormat = 'auto' | 'k6' | 'locust' | 'artillery' | 'gatling' | 'jmeter';

export interface ConfigFileSpec {
  glob: string;
  format?: ConfigFormat;
}

export interface Conditions {
  change?: ChangeKind[];
  from?: Scalar[];
  to?: Scalar[];
  increased?: boolean;
  decreased?: boolean;
  above?: string | number;
  below?: string | number;
  factor_at_least?: number;
}

export interface LoadModel {
  scales: 'inverse' | 'linear';
  unit?: string;
}

export interface Rule {
  id: string;
  why?: string;
  files?: string[];
  keys?: string[];
  lines?: string[];
  when?: Conditions;
  load?: LoadModel;
  risk: Risk;
  escalate?: { factor: number; risk: Risk }[];
  requires?: string[];
}

export interface ReviewSpec {
  teams?: string[];
  users?: string[];
  count?: number;
  invalidate_on_push?: 'all' | 'relevant' | 'never';
  request?: boolean;
}

export interface CheckSpec {
  name: string;
  app?: string;
}

export interface ReportSource {
  from: 'check' | 'artifact' | 'file';
  artifact?: string;
  path?: string;
  format?: ReportFormat;
}

export interface LoadTestSpec {
  check?: string;
  app?: string;
  report?: ReportSource;
  min_vus?: number;
  min_fleet_fraction?: number;
  min_rps?: number | 'expected';
  max_error_rate?: number;
  max_p95_ms?: number;
  max_p99_ms?: number;
  min_duration?: string;
}

export interface BodySpec {
  section: string;
}

export interface LabelSpec {
  name: string;
  by?: string[];
}

/** Exactly one kind is set. */
export interface RequirementSpec {
  review?: ReviewSpec;
  check?: CheckSpec;
  load_test?: LoadTestSpec;
  body?: BodySpec;
  label?: LabelSpec;
}
export type RequirementKind = keyof RequirementSpec;

export interface Policy {
  version: 1;
  /** Repository path of the policy file (for self-protection and messages). */
  path: string;
  /** Repository paths of every file the policy was assembled from (itself and repo-file `extends`). */
  sources: string[];
  config_files: ConfigFileSpec[];
  defaults: { unmatched: Risk; unparseable: Risk };
  levels: Partial<Record<Risk, string[]>>;
  release_track: { low_risk_max: Risk };
  fleet?: { clients: number };
  teams: Record<string, string[]>;
  rules: Rule[];
  requirements: Record<string, RequirementSpec>;
  waivers?: { label: string; by: string[] };
  redact: string[];
  self_protection: boolean;
}

export const DEFAULT_CONFIG_FILES: ConfigFileSpec[] = [
  { glob: '**/*.{yml,yaml,json,jsonc,toml,ini,properties,env}' },
  { glob: '**/.env*' },
];
