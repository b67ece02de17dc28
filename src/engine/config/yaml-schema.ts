/**
 * The YAML 1.2 core schema for js-yaml, resolved exactly as the `yaml` library resolves plain scalars
 * (so `yes`, `on`, `0777` stay what YAML 1.2 says and dates stay strings), plus merge keys (`<<`).
 * Tags the schema does not know (`!Ref`, `!reference`, `!!binary`, `!!set`…) keep the node's plain
 * value instead of failing, as `yaml` does with a warning: CloudFormation and GitLab CI files parse.
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Cheap first checks keep most plain scalars (keys, words) away from the regular expressions. */
function mayBeNumber(data: string | null): data is string {
  const code = data === null ? 0 : data.charCodeAt(0);
  return (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e;
}

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || data === '' || (data.length <= 4 && NULL.test(data)),
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) =>
    data !== null && (data.length === 4 || data.length === 5) && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => mayBeNumber(data) && INT.test(data),
  construct: constructInt,
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => mayBeNumber(data) && FLOAT.test(data),
  construct: constructFloat,
});

/** Integers beyond ±2^53 keep every digit as a bigint (reported as a decimal string). */
function constructInt(data: string): number | bigint {
  const value = Number(data);
  return Number.isSafeInteger(value) ? value : BigInt(data);
}

function constructFloat(data: string): number {
  const lower = data.toLowerCase();
  if (lower.endsWith('.nan')) return NaN;
  if (lower.endsWith('.inf')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(data);
}

/** js-yaml applies merges for keys carrying this tag. */
export const MERGE_TAG = 'tag:yaml.org,2002:merge';

const mergeType = new Type(MERGE_TAG, { kind: 'scalar', resolve: (data: string | null) => data === '<<' });

const keepTagged = (kind: 'scalar' | 'sequence' | 'mapping') =>
  new Type('', { kind, multi: true, resolve: () => true, construct: (data: unknown) => data });

export const YAML_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType, mergeType],
  explicit: [keepTagged('scalar'), keepTagged('sequence'), keepTagged('mapping')],
});
