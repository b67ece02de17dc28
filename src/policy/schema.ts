/**
 * Validates a policy document against policies/policy.schema.json and turns ajv's terse errors into
 * messages that say what is wrong and what would be right, each anchored to a path in the document.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import policySchema from '../../policies/policy.schema.json' with { type: 'json' };
import type { Path } from './source.js';
import { didYouMean } from './suggest.js';

export { policySchema };

/** A problem before it is given a file position: where it is in the document and what it says. */
export interface LocatedMessage {
  path: Path;
  part: 'key' | 'value';
  message: string;
}

type SchemaNode = Record<string, unknown>;
type AjvError = ErrorObject & { schema?: unknown; parentSchema?: SchemaNode; data?: unknown };

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strictRequired: false, allowUnionTypes: true });
    // Annotations that editors (VS Code, yaml-language-server) show; we read them for our own messages.
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    compiled = ajv.compile(policySchema);
  }
  return compiled;
}

export function schemaProblems(value: unknown): LocatedMessage[] {
  const validate = validator();
  if (validate(value)) return [];
  const all = validate.errors as AjvError[];
  const messages = relevantErrors(all).flatMap((error) => {
    const located = describe(error, all, value);
    return located ? [located] : [];
  });
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = JSON.stringify([m.path, m.part, m.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Drops errors that only restate others: anyOf branches that do not apply, `if` wrappers, enum after type. */
function relevantErrors(errors: AjvError[]): AjvError[] {
  const dropped = new Set<AjvError>();
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') dropped.add(error);
    if (error.keyword !== 'anyOf') continue;
    const children = errors.filter((e) => isChildOf(e, error));
    const branch = chosenBranch(error, children);
    for (const child of children) {
      if (branch === undefined || branchOf(child, error) !== branch) dropped.add(child);
    }
    if (branch !== undefined) dropped.add(error);
  }
  const typed = new Set(
    errors.filter((e) => e.keyword === 'type' && !dropped.has(e)).map((e) => e.instancePath),
  );
  return errors.filter((e) => !dropped.has(e) && (e.keyword === 'type' || !typed.has(e.instancePath)));
}

const isChildOf = (error: AjvError, parent: AjvError): boolean =>
  error !== parent &&
  error.instancePath.startsWith(parent.instancePath) &&
  error.schemaPath.startsWith(`${parent.schemaPath}/`);

const branchOf = (child: AjvError, parent: AjvError): number =>
  Number(child.schemaPath.slice(parent.schemaPath.length + 1).split('/')[0]);

/**
 * The single anyOf branch whose type fits the data, when its errors say more than the anyOf's own `errorMessage`
 * (an unknown key inside the mapping form does; "must be `expected`" for a string does not).
 */
function chosenBranch(error: AjvError, children: AjvError[]): number | undefined {
  const branches = (error.schema as SchemaNode[]) ?? [];
  const fitting = branches.flatMap((branch, index) =>
    branch.type !== undefined && typeAccepts(branch.type, error.data) ? [index] : [],
  );
  if (fitting.length !== 1) return undefined;
  const own = children.filter((child) => branchOf(child, error) === fitting[0]);
  const valueOnly = own.every(
    (child) => child.instancePath === error.instancePath && ['type', 'const', 'enum'].includes(child.keyword),
  );
  return valueOnly && error.parentSchema?.errorMessage !== undefined ? undefined : fitting[0];
}

function typeAccepts(type: unknown, data: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === jsonType(data) || (t === 'number' && jsonType(data) === 'integer'));
}

function jsonType(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

/** The instance path as segments, with array indexes as numbers. */
function pathOf(error: AjvError, root: unknown): Path {
  const path: Path = [];
  let data = root;
  for (const raw of error.instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(data) ? Number(key) : key;
    path.push(segment);
    data = (data as Record<string, unknown> | undefined)?.[segment];
  }
  return path;
}

/** `rules[0].keys[1]`, or "the policy" for the root. */
function renderPath(path: Path): string {
  if (path.length === 0) return 'the policy';
  const text = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return `\`${text}\``;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: '`true` or `false`',
  null: 'empty',
};

function describeValue(data: unknown): string {
  if (data === null || data === undefined) return 'an empty value';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return `the string \`${data}\``;
  return `\`${String(data)}\``;
}

const list = (values: unknown[]): string => values.map((v) => `\`${String(v)}\``).join(', ');

function describe(error: AjvError, all: AjvError[], root: unknown): LocatedMessage | undefined {
  const path = pathOf(error, root);
  const subject = renderPath(path);
  const parent = error.parentSchema ?? {};
  const params = error.params as Record<string, unknown>;
  const at = (message: string, extra: Path = [], part: 'key' | 'value' = 'value'): LocatedMessage => ({
    path: [...path, ...extra],
    part,
    message,
  });

  switch (error.keyword) {
    case 'required':
      return at(missingKey(subject, String(params.missingProperty), error, all));
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties as SchemaNode) ?? {});
      const hint = didYouMean(key, allowed) || `; allowed keys here: ${list(allowed)}`;
      return at(`unknown key \`${key}\`${hint}`, [key], 'key');
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      return at(`${subject} must be ${expected.join(' or ')}, not ${describeValue(error.data)}`);
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const hint = didYouMean(String(error.data), allowed.map(String));
      return at(`${subject} must be one of ${list(allowed)}, not ${describeValue(error.data)}${hint}`);
    }
    case 'const':
      return at(`${subject} must be \`${String(params.allowedValue)}\`, not ${describeValue(error.data)}`);
    case 'pattern':
      return patternMessage(error, path, subject);
    case 'minimum':
      return at(`${subject} must be at least ${String(params.limit)}, not ${describeValue(error.data)}`);
    case 'exclusiveMinimum':
      return at(`${subject} must be greater than ${String(params.limit)}, not ${describeValue(error.data)}`);
    case 'maximum':
      return at(`${subject} must be at most ${String(params.limit)}, not ${describeValue(error.data)}`);
    case 'minLength':
      return at(`${subject} must not be an empty string`);
    case 'minItems':
      return at(`${subject} must list at least one entry`);
    case 'uniqueItems': {
      const [first, second] = [
        Math.min(Number(params.i), Number(params.j)),
        Math.max(Number(params.i), Number(params.j)),
      ];
      const item = (error.data as unknown[])[second];
      return at(
        `${subject} lists ${describeValue(item)} twice (entries ${first + 1} and ${second + 1}); remove one`,
        [second],
      );
    }
    case 'minProperties':
    case 'maxProperties':
      return at(kindCountMessage(subject, error));
    case 'dependencies': {
      const [property, missing] = [String(params.property), String(params.missingProperty)];
      const needed = ((parent.properties as SchemaNode)?.[missing] as SchemaNode | undefined)?.description;
      const why = needed ? ` (\`${missing}\`: ${String(needed).replace(/\.$/, '').toLowerCase()})` : '';
      return at(`\`${property}\` needs \`${missing}\` next to it in ${subject}${why}`, [property], 'key');
    }
    case 'anyOf':
      return at(`${subject} ${anyOfMessage(error)}`);
    default:
      return at(`${subject} ${error.message ?? 'is invalid'}`);
  }
}

function missingKey(subject: string, key: string, error: AjvError, all: AjvError[]): string {
  const condition = thenCondition(error, all);
  if (condition) return `${subject} needs \`${key}\` when ${condition}`;
  const property = ((error.parentSchema?.properties as SchemaNode) ?? {})[key] as SchemaNode | undefined;
  if (property?.const !== undefined)
    return `${subject} is missing required key \`${key}\`; add \`${key}: ${String(property.const)}\``;
  const allowed = (property?.enum ?? definitionEnum(property)) as unknown[] | undefined;
  if (allowed) return `${subject} is missing required key \`${key}\` (one of ${list(allowed)})`;
  const description = property?.description ? ` (${String(property.description).replace(/\.$/, '')})` : '';
  return `${subject} is missing required key \`${key}\`${description}`;
}

/** For a required key from an if/then: "`from` is `artifact`". */
function thenCondition(error: AjvError, all: AjvError[]): string | undefined {
  if (!error.schemaPath.endsWith('/then/required')) return undefined;
  const ifPath = error.schemaPath.replace(/\/then\/required$/, '/if');
  const ifError = all.find(
    (e) => e.keyword === 'if' && e.schemaPath === ifPath && e.instancePath === error.instancePath,
  );
  const conditions = ((ifError?.parentSchema?.if as SchemaNode)?.properties ?? {}) as Record<
    string,
    SchemaNode
  >;
  const parts = Object.entries(conditions).map(
    ([key, schema]) => `\`${key}\` is \`${String(schema.const)}\``,
  );
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** Required keys typed by `$ref: #/definitions/risk` carry their enum in the shared definition. */
function definitionEnum(property: SchemaNode | undefined): unknown[] | undefined {
  const ref = property?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return undefined;
  const definitions = (policySchema as { definitions: Record<string, SchemaNode> }).definitions;
  return definitions[ref.slice('#/definitions/'.length)]?.enum as unknown[] | undefined;
}

function patternMessage(error: AjvError, path: Path, subject: string): LocatedMessage {
  const hint =
    (error.parentSchema?.patternErrorMessage as string | undefined) ??
    `must match \`${String(error.schema)}\``;
  if (error.propertyName !== undefined) {
    return {
      path: [...path, error.propertyName],
      part: 'key',
      message: `key \`${error.propertyName}\` in ${subject} is invalid: ${hint}`,
    };
  }
  return { path, part: 'value', message: `${subject} ${hint}, not ${describeValue(error.data)}` };
}

function kindCountMessage(subject: string, error: AjvError): string {
  const kinds = list(Object.keys((error.parentSchema?.properties as SchemaNode) ?? {}));
  const present = Object.keys((error.data as SchemaNode) ?? {});
  if (present.length === 0) return `${subject} needs exactly one kind: one of ${kinds}`;
  return `${subject} has ${present.length} kinds (${list(present)}) but needs exactly one; split it into separate requirements`;
}

function anyOfMessage(error: AjvError): string {
  const custom = error.parentSchema?.errorMessage;
  if (typeof custom === 'string')
    return custom.startsWith('must ') ? `${custom}, not ${describeValue(error.data)}` : custom;
  const branches = (error.schema as SchemaNode[]) ?? [];
  const types = branches.map((b) => TYPE_NAMES[String(b.type)] ?? String(b.type));
  return `must be ${types.join(' or ')}, not ${describeValue(error.data)}`;
}
