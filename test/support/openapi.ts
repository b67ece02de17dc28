/**
 * Conformance of requests and responses with GitHub's published REST description (@octokit/openapi).
 * Reads only `generated/api.github.com.json` (the package index would load every GHES variant).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;
interface Schema extends Json {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
  'x-multi-segment'?: boolean;
}
interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, Json>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Json;
}

export interface MatchedOperation {
  template: string;
  method: string;
  operation: Operation;
}

const JSON_MEDIA = 'application/json';

let loaded:
  { spec: Spec; routes: { template: string; pattern: RegExp; literal: number }[]; ajv: Ajv } | undefined;

function load() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = toJsonSchema(JSON.parse(readFileSync(file, 'utf8'))) as Spec;
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    validateFormats: false,
    allErrors: true,
    logger: false,
  });
  ajv.addSchema({ $id: 'gh', components: spec.components }, 'gh');
  const routes = Object.keys(spec.paths).map((template) => ({
    template,
    pattern: templatePattern(template, spec.paths[template]),
    literal: template.replace(/\{[^}]+\}/g, '').length,
  }));
  // The most specific template wins: `/issues/comments/{id}` before `/issues/{issue_number}/…`.
  routes.sort((a, b) => b.literal - a.literal);
  loaded = { spec, routes, ajv };
  return loaded;
}

/**
 * OpenAPI 3.0 schemas as JSON Schema: `nullable: true` becomes a `null` alternative. GitHub's description uses
 * `oneOf` for alternatives that overlap (a labeled and an unlabeled issue event have the same shape), which no
 * instance could satisfy exactly once; they are read as `anyOf`.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, oneOf, ...rest } = node as Json;
  const converted: Json = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  if (oneOf !== undefined) converted.anyOf = toJsonSchema(oneOf);
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string' && !converted.enum)
    return { ...converted, type: [converted.type, 'null'] };
  return { anyOf: [converted, { type: 'null' }] };
}

function templatePattern(template: string, operations: Record<string, Operation>): RegExp {
  const multiSegment = new Set(
    Object.values(operations)
      .flatMap((operation) => operation.parameters ?? [])
      .filter((parameter): parameter is Parameter => 'in' in parameter && !!parameter['x-multi-segment'])
      .map((parameter) => parameter.name),
  );
  const body = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      if (name) return multiSegment.has(name) ? '(.+)' : '([^/]+)';
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

const resolve = <T>(value: T | { $ref: string }): T => {
  if (value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string') {
    const target = value.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Json)[key], load().spec);
    return resolve(target as T | { $ref: string });
  }
  return value as T;
};

/** Reads and prepares the description now (about a second) rather than on the first check. */
export function loadSpec(): void {
  load();
}

/** The documented operation for a concrete request path (`/repos/acme/app/pulls/3`), or null. */
function findOperation(method: string, path: string): MatchedOperation | null {
  const { spec, routes } = load();
  const verb = method.toLowerCase();
  const route = routes.find(({ template, pattern }) => pattern.test(path) && spec.paths[template][verb]);
  return route
    ? { template: route.template, method: verb, operation: spec.paths[route.template][verb] }
    : null;
}

/** Problems with a request: unknown operation, unknown or missing parameters, enum or type violations, body shape. */
export function checkRequest(
  method: string,
  path: string,
  query: Record<string, string | string[]>,
  body: unknown,
): string[] {
  const label = `${method.toUpperCase()} ${path}`;
  const found = findOperation(method, path);
  if (!found) return [`${label}: no such operation in the GitHub REST API description`];
  const { operation } = found;
  const parameters = (operation.parameters ?? []).map((parameter) => resolve<Parameter>(parameter));
  const problems: string[] = [];
  const queryParameters = new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  for (const [name, raw] of Object.entries(query)) {
    const parameter = queryParameters.get(name);
    if (!parameter) {
      problems.push(`${label}: query parameter "${name}" is not documented for ${operation.operationId}`);
      continue;
    }
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values)
      problems.push(...valueProblems(label, `query parameter "${name}"`, parameter.schema, value));
  }
  for (const parameter of queryParameters.values()) {
    if (parameter.required && !(parameter.name in query))
      problems.push(`${label}: required query parameter "${parameter.name}" is missing`);
  }
  const pathValues = found.template.match(/\{[^}]+\}/g) ?? [];
  const matches =
    templatePattern(found.template, { [found.method]: operation })
      .exec(path)
      ?.slice(1) ?? [];
  pathValues.forEach((placeholder, index) => {
    const parameter = parameters.find((p) => p.in === 'path' && `{${p.name}}` === placeholder);
    if (parameter)
      problems.push(
        ...valueProblems(
          label,
          `path parameter ${placeholder}`,
          parameter.schema,
          decodeURIComponent(matches[index]),
        ),
      );
  });
  problems.push(...bodyProblems(label, operation, body));
  return problems;
}

function valueProblems(label: string, what: string, schema: Schema, raw: string): string[] {
  const resolved = resolve<Schema>(schema);
  const value = coerce(resolved, raw);
  const validate = compile(resolved);
  return validate(value) ? [] : [`${label}: ${what} = "${raw}": ${describe(validate)}`];
}

function coerce(schema: Schema, raw: string): unknown {
  if (
    (schema.type === 'integer' || schema.type === 'number') &&
    raw.trim() !== '' &&
    !Number.isNaN(Number(raw))
  )
    return Number(raw);
  if (schema.type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (schema.type === 'array') return raw.split(',');
  return raw;
}

function bodyProblems(label: string, operation: Operation, body: unknown): string[] {
  const media = operation.requestBody?.content[JSON_MEDIA];
  const empty = body === undefined || body === null || body === '';
  if (!operation.requestBody)
    return empty ? [] : [`${label}: ${operation.operationId} takes no request body`];
  if (empty) return operation.requestBody.required ? [`${label}: the request body is required`] : [];
  if (!media) return [];
  const validate = compile(media.schema);
  const problems = validate(body) ? [] : [`${label}: request body: ${describe(validate)}`];
  const unknown = unknownKeys(media.schema, body);
  if (unknown.length)
    problems.push(`${label}: request body has undocumented properties: ${unknown.join(', ')}`);
  return problems;
}

/** Top-level body keys that no alternative of the schema declares (JSON Schema alone lets extra keys through). */
function unknownKeys(schema: Schema, body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const alternatives = objectAlternatives(resolve<Schema>(schema));
  if (
    !alternatives.length ||
    alternatives.some(
      (alternative) =>
        alternative.additionalProperties !== undefined && alternative.additionalProperties !== false,
    )
  ) {
    return [];
  }
  const keys = Object.keys(body);
  const best = alternatives
    .map((alternative) => keys.filter((key) => !(key in (alternative.properties ?? {}))))
    .sort((a, b) => a.length - b.length)[0];
  return best;
}

function objectAlternatives(schema: Schema): Schema[] {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives)
    return alternatives.flatMap((alternative) => objectAlternatives(resolve<Schema>(alternative)));
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve<Schema>(part));
    return [{ type: 'object', properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})) }];
  }
  return schema.type === 'object' || schema.properties ? [schema] : [];
}

/**
 * Problems with a response: the status must be documented for the operation, and a JSON body must validate
 * against the documented schema (required properties, types, enums, nullability).
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): string[] {
  const label = `${method.toUpperCase()} ${path} → ${status}`;
  const found = findOperation(method, path);
  if (!found) return [`${label}: no such operation in the GitHub REST API description`];
  const documented = found.operation.responses[String(status)] ?? found.operation.responses.default;
  if (!documented) {
    const statuses = Object.keys(found.operation.responses).join(', ');
    return [
      `${label}: status ${status} is not documented for ${found.operation.operationId} (documented: ${statuses})`,
    ];
  }
  const schema = resolve<{ content?: Record<string, { schema: Schema }> }>(documented).content?.[JSON_MEDIA]
    ?.schema;
  if (!schema || body === undefined) return [];
  const validate = compile(schema);
  return validate(body) ? [] : [`${label}: response body: ${describe(validate)}`];
}

const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: Schema): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const { ajv } = load();
  const validate = ajv.compile(
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gh#/components/')),
  );
  compiled.set(schema, validate);
  return validate;
}

function describe(validate: ValidateFunction): string {
  const errors = validate.errors ?? [];
  const shown = errors.slice(0, 5).map((error) => `${error.instancePath || '(root)'} ${error.message}`);
  return shown.join('; ') + (errors.length > 5 ? ` (+${errors.length - 5} more)` : '');
}
