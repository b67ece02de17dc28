/**
 * A small but real GraphQL executor for the slice of GitHub's schema that riskgate reads:
 * `repository(owner, name) { object(expression: "REV:path") { ... on Blob { oid byteSize isBinary isTruncated text } } }`.
 * Queries are parsed (variables, aliases, inline and named fragments); anything outside the slice is an error,
 * as GitHub would report an unknown field, so a client cannot silently depend on something the simulator invents.
 */

type Value = string | number | boolean | null | { variable: string } | Value[];

interface Field {
  kind: 'field';
  alias: string;
  name: string;
  args: Record<string, Value>;
  selections: Selection[];
}
interface Fragment {
  kind: 'fragment';
  on: string | null;
  spread?: string;
  selections: Selection[];
}
type Selection = Field | Fragment;

interface Document {
  operation: Selection[];
  variables: Map<string, boolean>;
  fragments: Map<string, { on: string; selections: Selection[] }>;
}

class GraphqlError extends Error {}

const TOKEN =
  /\s+|,|#[^\n]*|(\.\.\.|[!$():=@[\]{}|])|("(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new GraphqlError(`Parse error on "${source.slice(at, at + 10)}" (offset ${at})`);
    const token = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (token !== undefined) tokens.push(token);
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Document {
    const document: Document = { operation: [], variables: new Map(), fragments: new Map() };
    let operations = 0;
    while (this.peek() !== undefined) {
      if (this.peek() === 'fragment') {
        this.next();
        const name = this.name();
        this.expect('on');
        document.fragments.set(name, { on: this.name(), selections: this.selectionSet() });
        continue;
      }
      operations += 1;
      if (this.peek() === 'query') {
        this.next();
        if (this.peek() !== '(' && this.peek() !== '{') this.name();
        if (this.peek() === '(') this.variableDefinitions(document.variables);
      } else if (this.peek() !== '{') {
        throw new GraphqlError(`Only queries are supported here, got "${this.peek()}"`);
      }
      document.operation = this.selectionSet();
    }
    if (operations !== 1) throw new GraphqlError('A document must hold exactly one operation');
    return document;
  }

  private variableDefinitions(variables: Map<string, boolean>): void {
    this.expect('(');
    while (this.peek() !== ')') {
      this.expect('$');
      const name = this.name();
      this.expect(':');
      variables.set(name, this.type());
      if (this.peek() === '=') throw new GraphqlError('Variable defaults are not supported here');
    }
    this.expect(')');
  }

  /** Reads a type and returns whether it is non-null. */
  private type(): boolean {
    if (this.peek() === '[') {
      this.next();
      this.type();
      this.expect(']');
    } else {
      this.name();
    }
    if (this.peek() !== '!') return false;
    this.next();
    return true;
  }

  private selectionSet(): Selection[] {
    this.expect('{');
    const selections: Selection[] = [];
    while (this.peek() !== '}') selections.push(this.selection());
    this.expect('}');
    if (!selections.length) throw new GraphqlError('Empty selection set');
    return selections;
  }

  private selection(): Selection {
    if (this.peek() === '...') {
      this.next();
      if (this.peek() === 'on') {
        this.next();
        return { kind: 'fragment', on: this.name(), selections: this.selectionSet() };
      }
      return { kind: 'fragment', on: null, spread: this.name(), selections: [] };
    }
    const alias = this.name();
    let name = alias;
    if (this.peek() === ':') {
      this.next();
      name = this.name();
    }
    const args: Record<string, Value> = {};
    if (this.peek() === '(') {
      this.next();
      while (this.peek() !== ')') {
        const arg = this.name();
        this.expect(':');
        args[arg] = this.value();
      }
      this.expect(')');
    }
    if (this.peek() === '@') throw new GraphqlError('Directives are not supported here');
    const selections = this.peek() === '{' ? this.selectionSet() : [];
    return { kind: 'field', alias, name, args, selections };
  }

  private value(): Value {
    const token = this.next();
    if (token === '$') return { variable: this.name() };
    if (token === '[') {
      const list: Value[] = [];
      while (this.peek() !== ']') list.push(this.value());
      this.next();
      return list;
    }
    if (token.startsWith('"')) return JSON.parse(token) as string;
    if (/^-?\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (/^[_A-Za-z]/.test(token)) return token;
    throw new GraphqlError(`Unexpected "${token}"`);
  }

  private name(): string {
    const token = this.next();
    if (!/^[_A-Za-z]/.test(token)) throw new GraphqlError(`Expected a name, got "${token}"`);
    return token;
  }

  private expect(token: string): void {
    const got = this.next();
    if (got !== token) throw new GraphqlError(`Expected "${token}", got "${got}"`);
  }

  private peek(): string | undefined {
    return this.tokens[this.at];
  }

  private next(): string {
    const token = this.tokens[this.at++];
    if (token === undefined) throw new GraphqlError('Unexpected end of document');
    return token;
  }
}

const parseQuery = (source: string): Document => new Parser(tokenize(source)).parse();

/** What the executor needs from the repository. */
export interface GraphqlRepository {
  owner: string;
  name: string;
  /** `REV:path` → the object there, or null. */
  object(expression: string): GitObject | null;
}
export type GitObject =
  | { type: 'Blob'; oid: string; bytes: Buffer; isBinary: boolean }
  | { type: 'Tree'; oid: string }
  | { type: 'Commit'; oid: string };

/** GitHub returns at most this much of a blob's text (an assumption: the threshold is not documented). */
const BLOB_TEXT_LIMIT = 512 * 1024;

type Resolver = (parent: unknown, args: Record<string, unknown>) => unknown;
interface FieldDef {
  /** The field's type: an object or interface name from TYPES, or `scalar`. */
  type: string;
  resolve: Resolver;
}

const scalar = (resolve: Resolver): FieldDef => ({ type: 'scalar', resolve });
const oid = scalar((parent) => (parent as { oid: string }).oid);

const TYPES: Record<string, Record<string, FieldDef>> = {
  Query: {
    repository: {
      type: 'Repository',
      resolve: (parent, args) => {
        const repo = parent as GraphqlRepository;
        const found =
          String(args.owner).toLowerCase() === repo.owner.toLowerCase() &&
          String(args.name).toLowerCase() === repo.name.toLowerCase();
        if (!found)
          throw new GraphqlError(
            `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
          );
        return { __typename: 'Repository', repo };
      },
    },
  },
  Repository: {
    object: {
      type: 'GitObject',
      resolve: (parent, args) => {
        if (typeof args.expression !== 'string') {
          throw new GraphqlError("Argument 'expression' on Field 'object' must be a String");
        }
        const found = (parent as { repo: GraphqlRepository }).repo.object(args.expression);
        return found && { __typename: found.type, ...found };
      },
    },
    nameWithOwner: scalar((parent) => {
      const { repo } = parent as { repo: GraphqlRepository };
      return `${repo.owner}/${repo.name}`;
    }),
  },
  GitObject: { oid },
  Blob: {
    oid,
    byteSize: scalar((parent) => (parent as { bytes: Buffer }).bytes.length),
    isBinary: scalar((parent) => (parent as { isBinary: boolean }).isBinary),
    isTruncated: scalar((parent) => (parent as { bytes: Buffer }).bytes.length > BLOB_TEXT_LIMIT),
    text: scalar((parent) => {
      const blob = parent as { bytes: Buffer; isBinary: boolean };
      return blob.isBinary ? null : blob.bytes.subarray(0, BLOB_TEXT_LIMIT).toString('utf8');
    }),
  },
  Tree: { oid },
  Commit: { oid },
};
const INTERFACES: Record<string, string[]> = { GitObject: ['Blob', 'Tree', 'Commit'] };

/** GitHub validates a whole query before running it: an unknown field is an error even where data is null. */
function validate(document: Document, type: string, selections: Selection[]): void {
  for (const selection of selections) {
    if (selection.kind === 'fragment') {
      const fragment = selection.spread ? document.fragments.get(selection.spread) : selection;
      if (!fragment) throw new GraphqlError(`Fragment ${selection.spread} was used, but not defined`);
      const on = fragment.on ?? type;
      const applies = on === type || INTERFACES[type]?.includes(on) || INTERFACES[on]?.includes(type);
      if (!TYPES[on] || !applies) throw new GraphqlError(`Fragment on ${on} can't be spread inside ${type}`);
      validate(document, on, fragment.selections);
      continue;
    }
    if (selection.name === '__typename') continue;
    const field = TYPES[type]?.[selection.name];
    if (!field) throw new GraphqlError(`Field '${selection.name}' doesn't exist on type '${type}'`);
    if (field.type === 'scalar' && selection.selections.length) {
      throw new GraphqlError(`Selections can't be made on scalars (field '${selection.name}')`);
    }
    if (field.type !== 'scalar') {
      if (!selection.selections.length)
        throw new GraphqlError(
          `Field '${selection.name}' of type '${field.type}' must have a selection of subfields`,
        );
      validate(document, field.type, selection.selections);
    }
  }
}

export function executeQuery(
  repo: GraphqlRepository,
  source: string,
  variables: Record<string, unknown> = {},
): { data?: unknown; errors?: { message: string; path?: (string | number)[] }[] } {
  let document: Document;
  try {
    document = parseQuery(source);
    validate(document, 'Query', document.operation);
  } catch (error) {
    return { errors: [{ message: (error as Error).message }] };
  }
  for (const [name, required] of document.variables) {
    if (required && (variables[name] === undefined || variables[name] === null)) {
      return { errors: [{ message: `Variable $${name} of type String! was provided invalid value` }] };
    }
  }
  const errors: { message: string; path: (string | number)[] }[] = [];
  const argument = (value: Value): unknown => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (!document.variables.has(value.variable)) {
        throw new GraphqlError(`Variable $${value.variable} is used but not declared`);
      }
      return variables[value.variable];
    }
    return Array.isArray(value) ? value.map(argument) : value;
  };

  const select = (
    type: string,
    parent: unknown,
    selections: Selection[],
    path: (string | number)[],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const selection of selections) {
      if (selection.kind === 'fragment') {
        const fragment = selection.spread ? document.fragments.get(selection.spread)! : selection;
        const on = fragment.on ?? type;
        if (on === type || INTERFACES[on]?.includes(type))
          Object.assign(out, select(type, parent, fragment.selections, path));
        continue;
      }
      if (selection.name === '__typename') {
        out[selection.alias] = type;
        continue;
      }
      const field = TYPES[type][selection.name];
      const args = Object.fromEntries(
        Object.entries(selection.args).map(([key, value]) => [key, argument(value)]),
      );
      const here = [...path, selection.alias];
      try {
        const value = field.resolve(parent, args) as { __typename?: string } | null;
        out[selection.alias] =
          value !== null && typeof value === 'object' && value.__typename
            ? select(value.__typename, value, selection.selections, here)
            : value;
      } catch (error) {
        if (!(error instanceof GraphqlError)) throw error;
        errors.push({ message: error.message, path: here });
        out[selection.alias] = null;
      }
    }
    return out;
  };

  try {
    const data = select('Query', repo, document.operation, []);
    return errors.length ? { data, errors } : { data };
  } catch (error) {
    if (error instanceof GraphqlError) return { errors: [{ message: error.message }] };
    throw error;
  }
}
