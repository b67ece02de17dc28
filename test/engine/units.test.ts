import fc from 'fast-check';
import { parseDuration, parsePercent, parseSize, quantityOf } from '../../src/engine/units.js';

describe('units', () => {
  test.each([
    ['30s', 30],
    ['5s', 5],
    ['250ms', 0.25],
    ['1m30s', 90],
    ['2h', 7200],
    ['1d', 86400],
    ['PT30S', 30],
    ['PT1M30S', 90],
    ['P1D', 86400],
    ['1.5s', 1.5],
  ])('duration %s = %ss', (text, seconds) => {
    expect(parseDuration(text)).toBeCloseTo(seconds, 9);
  });

  test('plain numbers are durations only with a unit', () => {
    expect(parseDuration(30)).toBeNull();
    expect(parseDuration(30000, 'ms')).toBe(30);
    expect(parseDuration('30', 's')).toBe(30);
  });

  test.each(['fast', '', 'PT', 'P', '5 apples', 's'])('%s is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  test('sizes and percentages', () => {
    expect(parseSize('512MiB')).toBe(512 * 2 ** 20);
    expect(parseSize('1GB')).toBe(1e9);
    expect(parseSize('10KiB')).toBe(10240);
    expect(parseSize(100, 'B')).toBe(100);
    expect(parsePercent('50%')).toBe(50);
    expect(parseSize('5s')).toBeNull();
  });

  test('quantityOf names the kind', () => {
    expect(quantityOf(5)).toEqual({ kind: 'number', value: 5 });
    expect(quantityOf('5')).toEqual({ kind: 'number', value: 5 });
    expect(quantityOf('5s')).toEqual({ kind: 'duration', value: 5 });
    expect(quantityOf('5MiB')).toEqual({ kind: 'size', value: 5 * 2 ** 20 });
    expect(quantityOf('5%')).toEqual({ kind: 'percent', value: 5 });
    expect(quantityOf(true)).toBeNull();
  });

  test('Go-style durations add up', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(59), fc.nat(59), (h, m, s) => {
        return parseDuration(`${h}h${m}m${s}s`) === h * 3600 + m * 60 + s;
      }),
    );
  });
});
