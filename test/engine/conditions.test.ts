import { conditionsHold, loadFactor, type KeyEvent } from '../../src/engine/conditions.js';

const changed = (before: string | number | boolean, after: string | number | boolean): KeyEvent => ({
  change: 'changed',
  before,
  after,
});

describe('load factor', () => {
  test('inverse: 30s → 5s multiplies load by 6', () => {
    expect(loadFactor(changed('30s', '5s'), { scales: 'inverse' }).factor).toBe(6);
  });
  test('linear: retries 3 → 10 is ×10/3, not rounded', () => {
    expect(loadFactor(changed(3, 10), { scales: 'linear' }).factor).toBe(10 / 3);
  });
  test('plain numbers take the load unit', () => {
    expect(loadFactor(changed(30000, '5s'), { scales: 'inverse', unit: 'ms' }).factor).toBe(6);
  });
  test.each([
    [changed('30s', 5), 'unit missing on one side'],
    [changed('fast', 'slow'), 'not numeric'],
    [changed('30s', '0s'), 'zero'],
    [{ change: 'added', after: '5s' } as KeyEvent, 'added'],
  ])('unknown factor: %o (%s)', (event) => {
    const result = loadFactor(event, { scales: 'inverse' });
    expect(result.factor).toBeNull();
    expect(result.note).toMatch(/no load factor/);
  });
  test('a CPU quantity 500m → 1 is not a pair of numbers of one kind', () => {
    expect(loadFactor(changed('500m', '1'), { scales: 'linear' }).factor).toBeNull();
  });
  test('on a cpu key, 250m is millicores, not minutes; elsewhere 1m is a minute', () => {
    const cpu = { ...changed('250m', '500m'), segments: ['resources', 'limits', 'cpu'] };
    expect(loadFactor(cpu, { scales: 'linear', unit: 'ms' }).factor).toBeNull();
    expect(conditionsHold({ above: '1s' }, cpu, undefined)).toBe(false);
    expect(loadFactor({ ...changed('30s', '1m'), segments: ['timeout'] }, { scales: 'linear' }).factor).toBe(
      2,
    );
  });
});

describe('conditions', () => {
  test('from/to compare case-insensitively, numbers with numeric strings, booleans with their strings', () => {
    expect(conditionsHold({ to: ['IMMEDIATE'] }, changed('backoff', 'immediate'), undefined)).toBe(true);
    expect(conditionsHold({ to: [5] }, changed('3', '5'), undefined)).toBe(true);
    expect(conditionsHold({ to: ['false'] }, changed(true, false), undefined)).toBe(true);
    expect(conditionsHold({ from: [true] }, changed('true', false), undefined)).toBe(true);
    expect(conditionsHold({ to: ['x'] }, changed('a', 'b'), undefined)).toBe(false);
  });
  test('null matches a missing key', () => {
    expect(conditionsHold({ to: [null] }, { change: 'removed', before: true }, undefined)).toBe(true);
    expect(conditionsHold({ from: [null] }, { change: 'added', after: true }, undefined)).toBe(true);
  });
  test('increased/decreased understand units', () => {
    expect(conditionsHold({ increased: true }, changed('30s', '1m'), undefined)).toBe(true);
    expect(conditionsHold({ decreased: true }, changed('30s', '1m'), undefined)).toBe(false);
    expect(conditionsHold({ decreased: true }, changed('1GiB', '512MiB'), undefined)).toBe(true);
    expect(conditionsHold({ increased: true }, changed('fast', 'slow'), undefined)).toBe(false);
  });
  test('above/below read the new value in the threshold unit', () => {
    expect(conditionsHold({ below: '10s' }, changed('30s', '5s'), undefined)).toBe(true);
    expect(conditionsHold({ below: '10s' }, changed('30s', '5000ms'), undefined)).toBe(true);
    expect(conditionsHold({ below: '10s' }, changed('30s', '15s'), undefined)).toBe(false);
    expect(conditionsHold({ above: '50%' }, changed('10%', '75%'), undefined)).toBe(true);
    expect(conditionsHold({ below: 1000 }, changed(2000, 500), { scales: 'inverse', unit: 'ms' })).toBe(true);
    expect(conditionsHold({ above: 1 }, changed('1', '500m'), undefined)).toBe(false);
  });
  test('factor_at_least needs the load model', () => {
    expect(conditionsHold({ factor_at_least: 4 }, changed('30s', '5s'), { scales: 'inverse' })).toBe(true);
    expect(conditionsHold({ factor_at_least: 8 }, changed('30s', '5s'), { scales: 'inverse' })).toBe(false);
    expect(conditionsHold({ factor_at_least: 1 }, changed('30s', '5s'), undefined)).toBe(false);
  });
  test('change kinds', () => {
    expect(conditionsHold({ change: ['removed'] }, { change: 'removed', before: 1 }, undefined)).toBe(true);
    expect(conditionsHold({ change: ['added'] }, changed(1, 2), undefined)).toBe(false);
  });
});
