/**
 * YAML: parsed by js-yaml with the YAML 1.2 core schema (./yaml-schema.ts), located by a js-yaml
 * listener (./yaml-locator.ts).
 *
 * Why not `yaml`: measured on a 2,000-line file on the build machine, `yaml.parseDocument` takes
 * ≈26 ms, its CST Parser alone ≈17 ms, its Lexer ≈4 ms, while js-yaml loads the same file in ≈1.9 ms
 * (≈1.4 ms with our schema, which skips the timestamp type). The listener that records node offsets
 * costs ≈0.5 ms more and is far cheaper than a second parse: lines are only computed, from those
 * offsets, for the keys that changed. Keys and values agree with `yaml` (tested): same YAML 1.2
 * scalar resolution, aliases resolved, `<<` merges applied. Hostile input is bounded: js-yaml builds
 * aliases as shared references (no expansion while loading), the diff walk caps values per file and
 * nesting depth (./limits.ts), and js-yaml's own depth and merge-work limits are set from them.
 */
import { loadAll, YAMLException, type LoadOptions } from 'js-yaml';
import { MAX_DEPTH, MAX_LEAVES, TOO_DEEP } from './limits.js';
import { ConfigParseError, type ParsedFile } from './types.js';
import { YamlRecorder } from './yaml-locator.js';
import { YAML_SCHEMA } from './yaml-schema.js';

/** Options js-yaml 4.3 understands that its type definitions do not list yet. */
interface LoaderLimits {
  maxDepth: number;
  maxTotalMergeKeys: number;
}

/** js-yaml counts a key and a scalar resolved through a key attempt as levels too. */
const LOADER_DEPTH = MAX_DEPTH + 2;

export function parseYaml(text: string): ParsedFile {
  const recorder = new YamlRecorder(text);
  const options: LoadOptions & LoaderLimits = {
    schema: YAML_SCHEMA,
    listener: recorder.listener as unknown as LoadOptions['listener'],
    maxDepth: LOADER_DEPTH,
    maxTotalMergeKeys: MAX_LEAVES,
  };
  try {
    return { documents: loadAll(text, null, options), locator: recorder.locator() };
  } catch (error) {
    if (error instanceof YAMLException) throw fromYamlException(error);
    throw error;
  }
}

function fromYamlException(error: YAMLException): ConfigParseError {
  const mark = error.mark as YAMLException['mark'] | undefined;
  const reason = error.reason.startsWith('nesting exceeded maxDepth') ? TOO_DEEP : error.reason;
  return new ConfigParseError(reason, mark ? mark.line + 1 : null, mark ? mark.column + 1 : null);
}
