/** Options shared by the commands, and how their raw strings become typed values. */
import { Option, type Command } from 'commander';
import type { LocalFacts } from '../context/local-facts.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type ReportFormatName = (typeof REPORT_FORMATS)[number];

export interface LocalFactOptions {
  policy?: string;
  evidence: string[];
  approvedBy: string[];
  bodyFile?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function formatOption(formats: readonly string[]): Option {
  return new Option('--format <format>', 'output format').choices(formats).default('text');
}

export const outputOption = (): Option =>
  new Option('--output <file>', 'write the output to FILE (atomically) instead of stdout');

/** `--policy`, `--evidence`, `--approved-by`, `--body-file`: what a local evaluation may add or replace. */
export function addLocalFactOptions(command: Command): Command {
  return command
    .option(
      '--policy <file>',
      'evaluate with this policy file instead of the base commit’s (or the scenario’s)',
    )
    .option(
      '--evidence <id=file>',
      'a load-test report (file or folder) for load_test requirement ID; repeatable',
      collect,
      [],
    )
    .option(
      '--approved-by <logins>',
      'record approvals by these logins (comma-separated; repeatable)',
      collect,
      [],
    )
    .option('--body-file <file>', 'use this file as the pull-request description');
}

export function localFacts(options: LocalFactOptions, io: Io): LocalFacts {
  return {
    evidence: parseEvidence(options.evidence),
    approvedBy: parseLogins(options.approvedBy),
    ...(options.bodyFile !== undefined ? { bodyFile: options.bodyFile } : {}),
    cwd: io.cwd,
  };
}

function parseEvidence(values: string[]): Record<string, string> {
  const evidence: Record<string, string> = {};
  for (const value of values) {
    const match = /^([^=\s]+)=(.+)$/.exec(value);
    if (!match)
      throw new CliError(
        `--evidence ${value}: write it as REQUIREMENT_ID=FILE (e.g. load-test=k6-summary.json)`,
      );
    if (match[1] in evidence) throw new CliError(`--evidence ${match[1]} is given twice`);
    evidence[match[1]] = match[2];
  }
  return evidence;
}

function parseLogins(values: string[]): string[] {
  const logins = values.flatMap((value) => value.split(',')).map((login) => login.trim());
  const bad = logins.find((login) => !/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/.test(login));
  if (bad !== undefined)
    throw new CliError(`--approved-by: \`${bad}\` is not a GitHub login (letters, digits and -)`);
  return [...new Set(logins)];
}
