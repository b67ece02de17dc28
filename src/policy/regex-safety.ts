/**
 * A small, conservative detector of catastrophic (exponential) backtracking in JavaScript regular expressions.
 *
 * A backtracking engine blows up when a repeated part of the pattern can match the same text in more than one way:
 * `(a+)+`, `(a*)*`, `(a|a)*`, `(.*a){20}`, `^(\w+\s?)+$`. We parse the pattern leniently (it never throws) and,
 * inside every group repeated more than once, flag
 *  - a variable-count quantifier whose characters can also be matched by what may follow it within the repetition
 *    (including the start of the next iteration): the text can be split between them in many ways;
 *  - alternatives that can start with the same character.
 * Character sets are compared on a sample of characters (Latin-1 plus a few others), so overlaps are found for
 * literals, classes, escapes and `.` alike. Being conservative, it may flag a few safe patterns (`(ab|ac)+`), never
 * the plain ones (`\d+(\.\d+)*`, `[a-z]+(-[a-z]+)*`). Merely polynomial patterns (`.*a.*a`) are not flagged.
 */

type CharSet = bigint;

interface Base {
  parent?: RegexNode;
  start: number;
  end: number;
}
type RegexNode = Base &
  (
    | { kind: 'char'; set: CharSet }
    | { kind: 'empty' }
    | { kind: 'backref' }
    | { kind: 'look'; body: RegexNode }
    | { kind: 'seq'; items: RegexNode[] }
    | { kind: 'alt'; branches: RegexNode[] }
    | { kind: 'repeat'; body: RegexNode; min: number; max: number }
  );

type Shape = RegexNode extends infer N
  ? N extends RegexNode
    ? Omit<N, 'start' | 'end' | 'parent'>
    : never
  : never;

const OTHER = '\u4e2d';
const SAMPLES = [
  ...Array.from({ length: 256 }, (_, code) => String.fromCharCode(code)),
  '\u0100',
  '\u2028',
  '\ufeff',
  '\ud83d',
  OTHER,
];
const ALL: CharSet = (1n << BigInt(SAMPLES.length)) - 1n;
const NONE: CharSet = 0n;
const setCache = new Map<string, CharSet>();

/** The sample characters that a one-character pattern (`a`, `\d`, `[^x]`, `.`) matches. */
function charSetOf(source: string): CharSet {
  const cached = setCache.get(source);
  if (cached !== undefined) return cached;
  let set = NONE;
  try {
    const regex = new RegExp(`^(?:${source})$`);
    SAMPLES.forEach((sample, index) => {
      if (regex.test(sample)) set |= 1n << BigInt(index);
    });
    // OTHER stands for every character outside the sample: literal ones, and classes that match no sample.
    const outside = [...source].some((char) => !SAMPLES.includes(char)) || (set === NONE && source !== '[]');
    if (outside) set |= 1n << BigInt(SAMPLES.indexOf(OTHER));
  } catch {
    set = ALL;
  }
  setCache.set(source, set);
  return set;
}

const literalSet = (char: string): CharSet => charSetOf(char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): RegexNode {
    const items: RegexNode[] = [this.alternation()];
    while (this.i < this.s.length) {
      // A stray `)`: invalid in JavaScript; read it as a literal so that parsing always finishes.
      items.push(this.make({ kind: 'char', set: literalSet(')') }, this.i++));
      items.push(this.alternation());
    }
    return items.length === 1 ? items[0] : this.make({ kind: 'seq', items }, 0);
  }

  private make(node: Shape, start: number): RegexNode {
    return { ...node, start, end: this.i } as RegexNode;
  }

  private alternation(): RegexNode {
    const start = this.i;
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : this.make({ kind: 'alt', branches }, start);
  }

  private sequence(): RegexNode {
    const start = this.i;
    const items: RegexNode[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      let node = this.atom();
      for (let bounds = this.quantifier(); bounds; bounds = this.quantifier()) {
        node = this.make({ kind: 'repeat', body: node, ...bounds }, node.start);
      }
      items.push(node);
    }
    return items.length === 1 ? items[0] : this.make({ kind: 'seq', items }, start);
  }

  private quantifier(): { min: number; max: number } | undefined {
    const rest = this.s.slice(this.i);
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    const simple = {
      '*': { min: 0, max: Infinity },
      '+': { min: 1, max: Infinity },
      '?': { min: 0, max: 1 },
    }[rest[0] ?? ''];
    if (!simple && !braces) return undefined;
    this.i += braces ? braces[0].length : 1;
    if (this.s[this.i] === '?') this.i++; // lazy: the same backtracking, in another order
    if (simple) return simple;
    const min = Number(braces![1]);
    const max = braces![2] === undefined ? min : braces![3] === '' ? Infinity : Number(braces![3]);
    return { min, max };
  }

  private atom(): RegexNode {
    const start = this.i;
    const char = this.s[this.i++];
    switch (char) {
      case '(':
        return this.group(start);
      case '[':
        return this.characterClass(start);
      case '\\':
        return this.escape(start);
      case '.':
        return this.make({ kind: 'char', set: charSetOf('.') }, start);
      case '^':
      case '$':
        return this.make({ kind: 'empty' }, start);
      default:
        return this.make({ kind: 'char', set: literalSet(char) }, start);
    }
  }

  private group(start: number): RegexNode {
    const prefix = /^\?(?:<[=!]|[=!]|:|<[^>]*>)?/.exec(this.s.slice(this.i))?.[0] ?? '';
    this.i += prefix.length;
    const body = this.alternation();
    if (this.s[this.i] === ')') this.i++;
    if (/^\?(?:<[=!]|[=!])$/.test(prefix)) return this.make({ kind: 'look', body }, start);
    return { ...body, start, end: this.i };
  }

  private characterClass(start: number): RegexNode {
    let j = this.i;
    if (this.s[j] === '^') j++;
    while (j < this.s.length && this.s[j] !== ']') j += this.s[j] === '\\' ? 2 : 1;
    if (j >= this.s.length) return this.make({ kind: 'char', set: literalSet('[') }, start);
    this.i = j + 1;
    return this.make({ kind: 'char', set: charSetOf(this.s.slice(start, this.i)) }, start);
  }

  private escape(start: number): RegexNode {
    const rest = this.s.slice(this.i);
    if (rest === '') return this.make({ kind: 'char', set: literalSet('\\') }, start);
    const backref = /^(?:[1-9]\d*|k<[^>]*>)/.exec(rest);
    if (backref) {
      this.i += backref[0].length;
      return this.make({ kind: 'backref' }, start);
    }
    if (rest[0] === 'b' || rest[0] === 'B') {
      this.i++;
      return this.make({ kind: 'empty' }, start);
    }
    const sequence = /^(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|c[A-Za-z]|.)/s.exec(rest)![0];
    this.i += sequence.length;
    return this.make({ kind: 'char', set: charSetOf(`\\${sequence}`) }, start);
  }
}

function children(node: RegexNode): RegexNode[] {
  switch (node.kind) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.branches;
    case 'repeat':
    case 'look':
      return [node.body];
    default:
      return [];
  }
}

function linkParents(node: RegexNode): RegexNode[] {
  const all = [node];
  for (const child of children(node)) {
    child.parent = node;
    all.push(...linkParents(child));
  }
  return all;
}

function nullable(node: RegexNode): boolean {
  switch (node.kind) {
    case 'char':
      return false;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.branches.some(nullable);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

/** Characters that can start a match of the node (a backreference can start with anything). */
function first(node: RegexNode): CharSet {
  switch (node.kind) {
    case 'char':
      return node.set;
    case 'backref':
      return ALL;
    case 'seq':
      return firstOfSequence(node.items);
    case 'alt':
      return node.branches.reduce((set, branch) => set | first(branch), NONE);
    case 'repeat':
      return node.max === 0 ? NONE : first(node.body);
    default:
      return NONE;
  }
}

function firstOfSequence(items: RegexNode[]): CharSet {
  let set = NONE;
  for (const item of items) {
    set |= first(item);
    if (!nullable(item)) break;
  }
  return set;
}

const repeats = (node: RegexNode | undefined): boolean => node?.kind === 'repeat' && node.max >= 2;

function outermostRepetition(node: RegexNode): RegexNode | undefined {
  let outermost: RegexNode | undefined;
  for (let parent = node.parent; parent && parent.kind !== 'look'; parent = parent.parent) {
    if (repeats(parent)) outermost = parent;
  }
  return outermost;
}

/** What may follow `node` inside the repetition `limit`, counting the start of the next iteration of each loop. */
function followWithin(node: RegexNode, limit: RegexNode): CharSet {
  let set = NONE;
  for (let current = node; current !== limit && current.parent; current = current.parent) {
    const parent: RegexNode = current.parent;
    if (parent.kind === 'seq') {
      const rest = parent.items.slice(parent.items.indexOf(current) + 1);
      set |= firstOfSequence(rest);
      if (!rest.every(nullable)) return set;
    }
    if (repeats(parent) && parent.kind === 'repeat') set |= first(parent.body);
  }
  return set;
}

/** Why `source` may backtrack catastrophically, or null when no such construct is found. Never throws. */
export function catastrophicBacktracking(source: string): string | null {
  try {
    return findAmbiguousRepetition(source);
  } catch {
    return 'the pattern is nested too deeply to check'; // a stack overflow: fail closed
  }
}

function findAmbiguousRepetition(source: string): string | null {
  const root = new Parser(source).parse();
  const text = (node: RegexNode) => source.slice(node.start, node.end);
  for (const node of linkParents(root)) {
    const loop = outermostRepetition(node);
    if (!loop) continue;
    if (
      node.kind === 'repeat' &&
      node.max > node.min &&
      (first(node.body) & followWithin(node, loop)) !== NONE
    ) {
      return `\`${text(node)}\` inside the repeated \`${text(loop)}\` can match the same text in many ways`;
    }
    if (node.kind === 'alt') {
      const sets = node.branches.map(first);
      const overlapping = sets.some((set, i) => sets.slice(i + 1).some((other) => (set & other) !== NONE));
      if (overlapping) {
        return `alternatives of \`${text(node)}\` inside the repeated \`${text(loop)}\` can match the same text`;
      }
    }
  }
  return null;
}

/** What is wrong with a `lines` pattern: not a valid JavaScript regex, or prone to catastrophic backtracking. */
export function linePatternProblem(source: string): string | null {
  try {
    new RegExp(source);
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}`;
  }
  const danger = catastrophicBacktracking(source);
  if (!danger) return null;
  return `may take exponential time on some lines (catastrophic backtracking): ${danger}; rewrite it so that each character can be matched only one way, e.g. \`(a+)+\` → \`a+\``;
}
