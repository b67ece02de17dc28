/** Checks of file globs (minimatch, repository-relative) and key globs (contracts §1.2). Each returns what is wrong, or null. */

const normalizeSegment = (segment: string): string => segment.toLowerCase().replace(/[_-]/g, '');

export function keyGlobProblem(glob: string): string | null {
  if (glob.trim() === '') return 'is empty; write a dotted key path such as `**.heartbeat_interval`';
  if (glob.startsWith('!'))
    return 'starts with `!`, but key globs have no negation; narrow the rule with `files` or `when` instead';
  if (/\{[^}]*,[^}]*\}/.test(glob))
    return 'uses brace alternatives `{a,b}`, which key globs do not have; list one glob per alternative';
  const index = /\[(\d+)\]/.exec(glob);
  if (index)
    return `addresses a list element as \`[${index[1]}]\`; write \`.${index[1]}\` (key paths are dotted)`;
  for (const segment of glob.split('.')) {
    if (segment === '') return 'has an empty segment (a leading, trailing or doubled `.`)';
    if (segment.includes('**') && segment !== '**') {
      return `has \`**\` inside the segment \`${segment}\`; \`**\` must be a whole segment, use \`*\` inside one (\`*interval*\`)`;
    }
    if (normalizeSegment(segment) === '') {
      return `has the segment \`${segment}\`, which is empty once normalized (matching ignores case, \`_\` and \`-\`)`;
    }
  }
  return null;
}

export function fileGlobProblem(glob: string): string | null {
  const pattern = glob.replace(/^!+/, '');
  if (pattern.trim() === '') return 'is empty; write a path glob such as `config/**/*.yml`';
  if (pattern.startsWith('/'))
    return 'is absolute; globs are relative to the repository root, so drop the leading `/`';
  if (pattern.startsWith('./'))
    return 'starts with `./`; globs are relative to the repository root, so drop it';
  if (/\\[A-Za-z0-9]/.test(pattern))
    return 'uses `\\` between folders; use `/` (a `\\` escapes the next character)';
  if (pattern.split('/').includes('..')) return 'contains `..`; globs match paths inside the repository';
  return unbalancedBracket(pattern);
}

/** What is wrong with the pattern's `{…}` and `[…]` nesting, or null; escaped characters do not count. */
function unbalancedBracket(pattern: string): string | null {
  const open: string[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++; // `[]...]`: a leading `]` is a member of the class
    } else if (char === '{') {
      open.push('{');
    } else if (char === '}') {
      if (open.pop() === undefined) return 'has a `}` without a matching `{`';
    }
  }
  if (inClass) return 'has an unclosed `[`';
  return open.length > 0 ? 'has an unclosed `{`' : null;
}
