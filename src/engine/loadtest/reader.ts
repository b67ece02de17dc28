import type { ReportFile } from '../../model/snapshot.js';
import { fail, type LoadMetrics } from './metrics.js';

export type Tool = 'k6' | 'locust' | 'artillery' | 'gatling' | 'jmeter';

export const SUPPORTED_TOOLS = 'k6, Locust, Artillery, Gatling or JMeter';

/** One file recognized as a tool's report, or as one file of a report set. */
export interface Part {
  tool: Tool;
  /** What kind of file it is, e.g. `summary-export`, `stats-csv`. */
  kind: string;
  file: ReportFile;
  /** The text without a byte-order mark. */
  text: string;
  /** The parsed document, for JSON files. */
  json?: unknown;
}

/** Recognizes one tool's files and reads a set of them into metrics. */
export interface ToolReader {
  tool: Tool;
  /** The kind of a parsed JSON document, or null when it is not this tool's. */
  jsonKind(data: unknown): string | null;
  /** The kind of a non-JSON text file, or null when it is not this tool's. */
  textKind(text: string, name: string): string | null;
  /** Reads the recognized parts (at least one) of a single run. */
  read(parts: Part[]): LoadMetrics;
}

/** The one part of these kinds, refusing a set that holds several (two runs are not one piece of evidence). */
export function single(parts: Part[], ...kinds: string[]): Part | undefined {
  const matching = parts.filter((part) => kinds.includes(part.kind));
  if (matching.length > 1) {
    const names = matching.map((part) => `${part.file.name} (${part.kind})`).join(', ');
    fail(`${matching.length} ${matching[0].tool} reports (${names}): give riskgate the report of one run`);
  }
  return matching[0];
}

export function where(part: Part): string {
  return `${part.file.name} (${part.tool} ${part.kind})`;
}
