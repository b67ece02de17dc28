import type { ChangeKind, Scalar } from '../../model/policy.js';

/** One changed key of a config file (contracts §1.2, §4). */
export interface KeyChange {
  /** Dotted path in the file's own spelling, e.g. "client.socket.heartbeat_interval". */
  key: string;
  /** The same path as segments; a segment may itself contain '.' (a YAML key "a.b"). */
  segments: string[];
  /** Multi-document YAML: "kind/name" when both exist, else the document index; null for single documents. */
  document: string | null;
  change: ChangeKind;
  /** Absent when added. */
  before?: Scalar;
  /** Absent when removed. */
  after?: Scalar;
  /** 1-based line of the value in head (in base for removals); for merged keys, of the value they come from. */
  line: number | null;
}

export type ConfigDiff =
  | { ok: true; changes: KeyChange[] }
  | { ok: false; side: 'base' | 'head'; message: string; line: number | null; column: number | null };

/** A file that cannot be read: the parser's message and its 1-based position. */
export class ConfigParseError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(message);
    this.name = 'ConfigParseError';
  }
}

/**
 * Where the values of a parsed file sit and how its keys are spelled. Containers are the objects
 * and arrays of the parsed value tree; `key` is an own property name (an index for arrays).
 */
export interface Locator {
  /** 1-based line of the value stored under `key` in `container`, or null when unknown. */
  line(container: object, key: string): number | null;
  /** The path segments that member `key` of a mapping contributes, in the file's spelling. */
  segments(container: object, key: string): readonly string[];
}

/** A parsed file: its documents (null for an empty one; only YAML has several) and their locator. */
export interface ParsedFile {
  documents: unknown[];
  locator: Locator;
}
