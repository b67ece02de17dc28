import { fileGlobProblem, keyGlobProblem } from '../../src/policy/globs.js';

describe('key globs', () => {
  test.each([
    '**.heartbeat_interval',
    'client.*.heartbeatInterval',
    '**.*heartbeat*interval*',
    'servers.0.port',
    'a.?.b',
    '**',
  ])('%s is valid', (glob) => {
    expect(keyGlobProblem(glob)).toBeNull();
  });

  test.each([
    ['', 'is empty; write a dotted key path such as `**.heartbeat_interval`'],
    ['.a', 'has an empty segment (a leading, trailing or doubled `.`)'],
    ['a.', 'has an empty segment (a leading, trailing or doubled `.`)'],
    [
      'a**',
      'has `**` inside the segment `a**`; `**` must be a whole segment, use `*` inside one (`*interval*`)',
    ],
    [
      'a.{b,c}',
      'uses brace alternatives `{a,b}`, which key globs do not have; list one glob per alternative',
    ],
    [
      '!a.b',
      'starts with `!`, but key globs have no negation; narrow the rule with `files` or `when` instead',
    ],
    ['a.__.b', 'has the segment `__`, which is empty once normalized (matching ignores case, `_` and `-`)'],
  ])('%j: %s', (glob, problem) => {
    expect(keyGlobProblem(glob)).toBe(problem);
  });
});

describe('file globs', () => {
  test.each([
    'config/**',
    '**/*.{yml,yaml}',
    '!config/legacy/**',
    '[abc]*.yml',
    '**/.env*',
    'a\\*b',
    'a/[]]b',
  ])('%s is valid', (glob) => {
    expect(fileGlobProblem(glob)).toBeNull();
  });

  test.each([
    ['', 'is empty; write a path glob such as `config/**/*.yml`'],
    ['!', 'is empty; write a path glob such as `config/**/*.yml`'],
    ['/config/**', 'is absolute; globs are relative to the repository root, so drop the leading `/`'],
    ['./config/**', 'starts with `./`; globs are relative to the repository root, so drop it'],
    ['config\\client', 'uses `\\` between folders; use `/` (a `\\` escapes the next character)'],
    ['../x/**', 'contains `..`; globs match paths inside the repository'],
    ['**/*.{yml', 'has an unclosed `{`'],
    ['a}.yml', 'has a `}` without a matching `{`'],
    ['[abc.yml', 'has an unclosed `[`'],
  ])('%j: %s', (glob, problem) => {
    expect(fileGlobProblem(glob)).toBe(problem);
  });
});
