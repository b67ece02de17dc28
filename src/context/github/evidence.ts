/**
 * Load-test reports a requirement names: a workflow-run artifact (downloaded and unzipped in memory) or a file at
 * the head commit. A report that cannot be read is an `Evidence.error` — the requirement stays unmet with the
 * reason — never a thrown error.
 */
import type { Octokit } from '@octokit/rest';
import { unzipSync } from 'fflate';
import { compileNameGlob } from '../../engine/glob.js';
import { MAX_REPORT_SIZE } from '../../engine/loadtest/index.js';
import type { LoadTestSpec, Policy, ReportSource } from '../../model/policy.js';
import type { Evidence } from '../../model/snapshot.js';
import type { HeadCheck } from './checks.js';
import { readFileAt } from './contents.js';
import type { RepoRef } from './pull.js';

export interface EvidenceNeed {
  requirement: string;
  source: ReportSource;
}

interface Context {
  gh: Octokit;
  repo: RepoRef;
  headSha: string;
  checks: HeadCheck[];
  policy: Policy;
}

export async function readEvidence(
  context: Context,
  needs: EvidenceNeed[],
): Promise<Record<string, Evidence>> {
  const read = await Promise.all(
    needs.map(async ({ requirement, source }) => {
      const spec = context.policy.requirements[requirement]?.load_test ?? {};
      const evidence =
        source.from === 'file' ? await fromFile(context, source) : await fromArtifact(context, spec, source);
      return [requirement, evidence] as const;
    }),
  );
  return Object.fromEntries(read);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function fromFile({ gh, repo, headSha }: Context, source: ReportSource): Promise<Evidence> {
  const path = source.path ?? '';
  const where = `file ${path} at ${headSha.slice(0, 7)}`;
  try {
    const text = await readFileAt(gh, repo, headSha, path);
    if (text === null)
      return {
        source: where,
        files: [],
        format: source.format,
        error: `there is no ${path} in the head commit`,
      };
    return { source: where, files: [{ name: path, text }], format: source.format };
  } catch (error) {
    return { source: where, files: [], format: source.format, error: message(error) };
  }
}

async function fromArtifact(context: Context, spec: LoadTestSpec, source: ReportSource): Promise<Evidence> {
  const name = source.artifact ?? '';
  const failed = (error: string, where = `artifact ${name}`): Evidence => ({
    source: where,
    files: [],
    format: source.format,
    error,
  });
  try {
    for (const runId of await candidateRuns(context, spec)) {
      const { data } = await context.gh.rest.actions.listWorkflowRunArtifacts({
        ...context.repo,
        run_id: runId,
        name,
        per_page: 100,
      });
      const artifact = data.artifacts.find((candidate) => candidate.name === name);
      if (!artifact) continue;
      const where = `artifact ${name} of workflow run ${runId}`;
      if (artifact.expired) return failed('the artifact has expired; re-run the load test', where);
      if (artifact.size_in_bytes > MAX_REPORT_SIZE) {
        return failed(
          `the artifact is ${artifact.size_in_bytes} bytes, over the ${MAX_REPORT_SIZE / 2 ** 20} MiB riskgate reads`,
          where,
        );
      }
      const { data: zip } = await context.gh.rest.actions.downloadArtifact({
        ...context.repo,
        artifact_id: artifact.id,
        archive_format: 'zip',
      });
      return { source: where, format: source.format, ...unzipReport(zip as unknown as ArrayBuffer) };
    }
    const checks = spec.check ? ` of checks matching "${spec.check}"` : '';
    return failed(
      `no artifact named "${name}" in the workflow runs${checks} on ${context.headSha.slice(0, 7)}`,
    );
  } catch (error) {
    return failed(message(error));
  }
}

/**
 * The workflow runs to look in, newest first: those behind successful checks matching the requirement's
 * `check` glob; without a glob, every workflow run on the head commit.
 */
async function candidateRuns({ gh, repo, headSha, checks }: Context, spec: LoadTestSpec): Promise<number[]> {
  if (spec.check) {
    const matches = compileNameGlob(spec.check);
    const runs = checks
      .filter(
        (check) => matches(check.name) && (!spec.app || check.app === spec.app) && check.runId !== undefined,
      )
      .sort((a, b) => Number(b.conclusion === 'success') - Number(a.conclusion === 'success'))
      .map((check) => check.runId!);
    return [...new Set(runs)];
  }
  const { data } = await gh.rest.actions.listWorkflowRunsForRepo({
    ...repo,
    head_sha: headSha,
    per_page: 100,
  });
  return data.workflow_runs.map((run) => run.id);
}

/** The files of a zip, as text; the uncompressed size is checked before anything is inflated (zip bombs). */
function unzipReport(zip: ArrayBuffer): { files: { name: string; text: string }[]; error?: string } {
  let total = 0;
  try {
    const entries = unzipSync(new Uint8Array(zip), {
      filter: (entry) => {
        total += entry.originalSize;
        return !entry.name.endsWith('/') && total <= MAX_REPORT_SIZE;
      },
    });
    if (total > MAX_REPORT_SIZE) {
      return {
        files: [],
        error: `the artifact unpacks to more than the ${MAX_REPORT_SIZE / 2 ** 20} MiB riskgate reads`,
      };
    }
    const decoder = new TextDecoder();
    const files = Object.entries(entries).map(([name, bytes]) => ({ name, text: decoder.decode(bytes) }));
    return files.length ? { files } : { files, error: 'the artifact is empty' };
  } catch (error) {
    return { files: [], error: `the artifact is not a readable zip file: ${message(error)}` };
  }
}
