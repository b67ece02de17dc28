import { parse } from 'yaml';
import { conditionsHold, loadFactor, type KeyEvent } from '../../src/engine/conditions.js';
import { compileKeyGlobs, matchSegments } from '../../src/engine/keys.js';
import type { Rule } from '../../src/model/policy.js';
import { maxRisk, type Risk } from '../../src/model/risk.js';
import { builtinPackNames, readBuiltinPack } from '../../src/policy/builtin.js';
import { lines, load, POLICY } from './helpers.js';

async function packRules(name: string): Promise<Rule[]> {
  const policy = await load({ [POLICY]: lines('version: 1', `extends: [builtin:${name}]`) });
  return policy.rules;
}

/** The risk each matching rule gives the change (after escalation), by rule id — what the engine would decide. */
function classify(rules: Rule[], key: string, event: KeyEvent): Record<string, Risk> {
  const matches: Record<string, Risk> = {};
  for (const rule of rules) {
    if (!compileKeyGlobs(rule.keys ?? [])(matchSegments(key.split('.')))) continue;
    if (!conditionsHold(rule.when, event, rule.load)) continue;
    const { factor } = loadFactor(event, rule.load);
    const reached = (rule.escalate ?? []).filter((step) => factor !== null && factor >= step.factor);
    matches[rule.id] = maxRisk(rule.risk, ...reached.map((step) => step.risk));
  }
  return matches;
}

const changed = (before: KeyEvent['before'], after: KeyEvent['after']): KeyEvent => ({
  change: 'changed',
  before,
  after,
});

describe('built-in packs', () => {
  test('ship realtime-clients and resilience', () => {
    expect(builtinPackNames()).toEqual(['realtime-clients', 'resilience']);
  });

  test('an unknown pack reads as null', async () => {
    expect(await readBuiltinPack('nope')).toBeNull();
  });

  test.each(['realtime-clients', 'resilience'])(
    '%s validates and holds only explained rules',
    async (name) => {
      const raw = parse((await readBuiltinPack(name))!) as Record<string, unknown>;
      expect(Object.keys(raw).sort()).toEqual(['rules', 'version']);
      const rules = await packRules(name);
      expect(rules.length).toBeGreaterThan(5);
      for (const rule of rules) {
        expect(rule.id.startsWith(`${name.split('-')[0]}-`)).toBe(true);
        expect(rule.why?.length).toBeGreaterThan(80);
        expect(rule.keys?.length).toBeGreaterThan(0);
      }
    },
  );
});

describe('realtime-clients', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await packRules('realtime-clients');
  });

  test.each([
    'heartbeat_interval',
    'client.socket.heartbeatInterval',
    'HEARTBEAT_INTERVAL_MS',
    'heartbeat-interval-seconds',
    'ws.heartbeat.interval',
    'heartbeatMs',
    'presence.heartbeatPeriod',
  ])('heartbeat interval spelled %s escalates with the load factor', (key) => {
    expect(classify(rules, key, changed('30s', '20s'))).toEqual({ 'realtime-heartbeat-interval': 'medium' });
    expect(classify(rules, key, changed('30s', '15s'))).toEqual({ 'realtime-heartbeat-interval': 'high' });
    expect(classify(rules, key, changed(30000, 5000))).toEqual({ 'realtime-heartbeat-interval': 'critical' });
  });

  test.each([
    ['keepalive_interval', 'realtime-keepalive-interval'],
    ['grpc.keepAliveTime', 'realtime-keepalive-interval'],
    ['grpc.keepalive_time_ms', 'realtime-keepalive-interval'],
    ['ping_interval', 'realtime-ping-interval'],
    ['websocket.wsPingIntervalMs', 'realtime-ping-interval'],
    ['pollingInterval', 'realtime-poll-interval'],
    ['long_poll_interval_ms', 'realtime-poll-interval'],
    ['query.refetchInterval', 'realtime-poll-interval'],
    ['reconnectionDelay', 'realtime-reconnect-delay'],
    ['socket.reconnection_delay_max', 'realtime-reconnect-delay'],
  ])('%s is an inverse-scaling interval (%s)', (key, id) => {
    expect(classify(rules, key, changed('10s', '2s'))).toEqual({ [id]: 'critical' });
  });

  test.each(['reconnectionAttempts', 'max_reconnect_attempts', 'client.maxRetries', 'retry_attempts'])(
    '%s scales linearly',
    (key) => {
      expect(classify(rules, key, changed(3, 9))).toEqual({ 'realtime-reconnect-attempts': 'high' });
    },
  );

  test('a reconnect strategy changed to immediate is critical; to another backoff, high', () => {
    expect(classify(rules, 'client.reconnect_strategy', changed('exponential', 'IMMEDIATE'))).toEqual({
      'realtime-reconnect-strategy': 'high',
      'realtime-reconnect-immediate': 'critical',
    });
    expect(classify(rules, 'client.reconnectStrategy', changed('exponential', 'decorrelated'))).toEqual({
      'realtime-reconnect-strategy': 'high',
    });
  });

  test.each([
    ['jitter', changed(true, false)],
    ['retry.jitter', changed('full', 'none')],
    ['reconnect.jitter_ms', changed(500, 0)],
    ['socket.randomizationFactor', changed(0.5, 0)],
    ['useJitter', { change: 'removed', before: true } as KeyEvent],
  ])('jitter turned off (%s) is critical', (key, event) => {
    expect(classify(rules, key, event)).toMatchObject({ 'realtime-jitter-disabled': 'critical' });
  });

  test('less jitter is high, more is not a finding', () => {
    expect(classify(rules, 'retry.jitter', changed(0.5, 0.2))).toEqual({ 'realtime-jitter-reduced': 'high' });
    expect(classify(rules, 'retry.jitter', changed(0.2, 0.5))).toEqual({});
  });

  test.each([
    ['client.fullSyncOnReconnect', changed(false, true)],
    ['sync_on_reconnect', changed('off', 'on')],
    ['query.refetchOnReconnect', changed(false, 'always')],
    ['FULL_SYNC', { change: 'added', after: '1' } as KeyEvent],
    ['editor.sync_mode', changed('delta', 'full')],
  ])('a full sync on reconnect (%s) is critical', (key, event) => {
    expect(Object.values(classify(rules, key, event))).toContain('critical');
  });

  test('backoff decreases are risky, increases are not', () => {
    expect(classify(rules, 'retry.max_backoff', changed('30s', '10s'))).toEqual({
      'realtime-backoff-decreased': 'high',
    });
    expect(classify(rules, 'retry.backoffInitial', changed('1s', '100ms'))).toEqual({
      'realtime-backoff-decreased': 'critical',
    });
    expect(classify(rules, 'retry.max_backoff', changed('10s', '30s'))).toEqual({});
    expect(classify(rules, 'retry.backoff_multiplier', changed(2, 1))).toEqual({
      'realtime-backoff-decreased': 'high',
      'realtime-backoff-no-growth': 'critical',
    });
    expect(classify(rules, 'retry.backoff.max', { change: 'removed', before: '30s' })).toEqual({
      'realtime-backoff-removed': 'high',
    });
  });

  test('shortened liveness timeouts are high', () => {
    expect(classify(rules, 'heartbeat_timeout', changed('10s', '3s'))).toEqual({
      'realtime-timeout-shortened': 'high',
    });
    expect(classify(rules, 'socket.pongTimeoutMs', changed(5000, 10000))).toEqual({});
  });

  test('the incident of the product brief is critical twice over', () => {
    expect(classify(rules, 'client.heartbeat_interval', changed('30s', '5s'))).toEqual({
      'realtime-heartbeat-interval': 'critical',
    });
    expect(
      classify(rules, 'client.reconnect_strategy', changed('exponential-jitter', 'immediate')),
    ).toMatchObject({
      'realtime-reconnect-immediate': 'critical',
    });
  });
});

describe('resilience', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await packRules('resilience');
  });

  test.each([
    ['http.client.timeout', changed('5s', '1s'), { 'resilience-timeout-shortened': 'medium' }],
    ['db.statement_timeout', changed('30s', 0), { 'resilience-timeout-disabled': 'high' }],
    [
      'upstream.requestTimeout',
      { change: 'removed', before: '2s' } as KeyEvent,
      { 'resilience-timeout-disabled': 'high' },
    ],
    ['route.retries.attempts', changed(2, 5), { 'resilience-retries-increased': 'high' }],
    ['http.max_retries', changed(1, 5), { 'resilience-retries-increased': 'critical' }],
    [
      'reads.circuitBreaker.enabled',
      changed(true, false),
      { 'resilience-circuit-breaker-disabled': 'high', 'resilience-circuit-breaker-thresholds': 'medium' },
    ],
    ['api.rate_limit', changed(100, 400), { 'resilience-rate-limit-raised': 'critical' }],
    ['api.rateLimit.enabled', changed(true, false), { 'resilience-rate-limit-disabled': 'high' }],
    ['datasource.hikari.maximumPoolSize', changed(10, 25), { 'resilience-connection-pool': 'high' }],
    ['envoy.max_pending_requests', changed(100, 150), { 'resilience-concurrency-limit': 'medium' }],
  ])('%s', (key, event, expected) => {
    expect(classify(rules, key, event)).toEqual(expected);
  });
});
