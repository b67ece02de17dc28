import fc from 'fast-check';
import { catastrophicBacktracking, linePatternProblem } from '../../src/policy/regex-safety.js';

describe('catastrophic backtracking detector', () => {
  test.each([
    '(a+)+',
    '(a*)*',
    '(a|a)*',
    '(.*a){5}',
    '^(\\w+\\s?)+$',
    '(a|aa)+',
    '(\\s*\\w+)*',
    '((ab)+)+',
    '(x+x+)+y',
    '(a?a?)*',
    '(?:[a-z]+|\\d)+',
    '(\\d+|\\w)*',
    '(a|a+)*',
    '(?<word>a+)+',
    '(?=(a+)+)',
    '(.*)*',
    '(\\w|\\d)+',
    '(\\1a|a)+',
    '([\\u0400-\\u04FF]|ф)*',
  ])('flags %s', (pattern) => {
    expect(catastrophicBacktracking(pattern)).not.toBeNull();
  });

  test.each([
    'fullSyncOnReconnect\\s*[:=]\\s*true',
    '\\d+(\\.\\d+)*',
    '[a-z]+(-[a-z]+)*',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '(\\w+\\.){2}',
    'a+b+',
    '.*a.*a',
    '(foo|bar)+',
    '(-?\\d)+',
    '(ab?)+',
    '^[a-z0-9][a-z0-9-]*$',
    '(?:\\r?\\n)+',
    'heartbeat(Interval|_interval)\\s*=\\s*\\d+',
    'reconnect(Strategy)?\\s*:\\s*["\\x27]immediate',
  ])('accepts %s', (pattern) => {
    expect(catastrophicBacktracking(pattern)).toBeNull();
  });

  test('says which part is ambiguous', () => {
    expect(catastrophicBacktracking('^(\\w+\\s?)+$')).toBe(
      '`\\w+` inside the repeated `(\\w+\\s?)+` can match the same text in many ways',
    );
    expect(catastrophicBacktracking('x(a|ab)*')).toBe(
      'alternatives of `(a|ab)` inside the repeated `(a|ab)*` can match the same text',
    );
  });

  test('never throws, whatever the input', () => {
    const regexish = fc.string({
      unit: fc.constantFrom(...'ab()[]{}*+?|\\.^$,:=!<>-0123dwsDbkux'.split('')),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), regexish), (source) => {
        const verdict = catastrophicBacktracking(source);
        expect(verdict === null || typeof verdict === 'string').toBe(true);
        const problem = linePatternProblem(source);
        expect(problem === null || typeof problem === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('fails closed on patterns nested too deeply to analyse', () => {
    expect(catastrophicBacktracking(`${'('.repeat(20000)}a${')'.repeat(20000)}`)).toBe(
      'the pattern is nested too deeply to check',
    );
  });
});

describe('line patterns', () => {
  test('an invalid regular expression says why', () => {
    expect(linePatternProblem('a(b')).toBe('is not a valid regular expression: Unterminated group');
  });

  test('a safe pattern has no problem', () => {
    expect(linePatternProblem('fullSyncOnReconnect\\s*[:=]\\s*true')).toBeNull();
  });
});
