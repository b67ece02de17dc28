/** Recognizes each file of a report set by its content (and, where formats share a shape, its name). */
import type { ReportFile } from '../../model/snapshot.js';
import { artilleryReader } from './artillery.js';
import { gatlingReader } from './gatling.js';
import { jmeterReader } from './jmeter.js';
import { k6Reader } from './k6.js';
import { locustReader } from './locust.js';
import { SUPPORTED_TOOLS, type Part, type ToolReader } from './reader.js';
import { refusalOf } from './unsupported.js';
import { stripBom } from './values.js';

export const READERS: ToolReader[] = [k6Reader, locustReader, artilleryReader, gatlingReader, jmeterReader];

/** A recognized part, or why the file is not one; `known` marks a file riskgate recognized as something. */
export type Classified = { part: Part } | { file: ReportFile; reason: string; known: boolean };

type JsonAttempt = { parsed: true; value: unknown } | { parsed: false; error: string };

export function classify(file: ReportFile): Classified {
  const text = stripBom(file.text);
  if (text.trim() === '') return { file, reason: 'is empty', known: true };
  const json = parseJson(text);
  const refusal = refusalOf(text, json.parsed ? json.value : undefined, file.name);
  if (refusal) return { file, reason: refusal, known: true };
  if (isBinary(text)) return { file, reason: 'is a binary file, not a load-test report', known: false };
  const part = json.parsed ? partFromJson(file, text, json.value) : partFromText(file, text);
  if (part) return { part };
  if (json.parsed) return { file, reason: `is JSON, but not a ${SUPPORTED_TOOLS} report`, known: false };
  if (/^\s*[[{]/.test(text)) return { file, reason: invalidJsonReason(text, json.error), known: true };
  return { file, reason: `is not a ${SUPPORTED_TOOLS} report`, known: false };
}

function parseJson(text: string): JsonAttempt {
  if (!/^\s*[[{]/.test(text)) return { parsed: false, error: 'not JSON' };
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch (error) {
    return { parsed: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function partFromJson(file: ReportFile, text: string, json: unknown): Part | null {
  for (const reader of READERS) {
    const kind = reader.jsonKind(json);
    if (kind) return { tool: reader.tool, kind, file, text, json };
  }
  return null;
}

function partFromText(file: ReportFile, text: string): Part | null {
  for (const reader of READERS) {
    const kind = reader.textKind(text, file.name);
    if (kind) return { tool: reader.tool, kind, file, text };
  }
  return null;
}

function invalidJsonReason(text: string, error: string): string {
  if (/(^|[\s:,[])-?(NaN|Infinity)\s*[,}\]]/.test(text)) {
    return 'is not valid JSON: it contains NaN or Infinity where a number belongs';
  }
  return `is not valid JSON (truncated or corrupt): ${error.slice(0, 120)}`;
}

/** NUL bytes or undecodable bytes near the start: the file is not text. */
function isBinary(text: string): boolean {
  const head = text.slice(0, 1024);
  return head.includes('\0') || (head.match(/\uFFFD/g)?.length ?? 0) > 8;
}
