import fc from 'fast-check';
import { compileKeyGlob, compileSecretTest, matchSegments, normalizeSegment } from '../../src/engine/keys.js';

const matches = (glob: string, key: string) => compileKeyGlob(glob)(matchSegments(key.split('.')));

describe('key globs', () => {
  test.each([
    ['**.heartbeat_interval', 'client.socket.heartbeat_interval', true],
    ['**.heartbeat_interval', 'heartbeat_interval', true],
    ['**.heartbeat_interval', 'client.heartbeatInterval', true],
    ['**.heartbeat_interval', 'HEARTBEAT_INTERVAL', true],
    ['**.heartbeat_interval', 'client.heartbeat-interval', true],
    ['**.heartbeat_interval', 'client.heartbeat_interval_ms', false],
    ['client.*.port', 'client.socket.port', true],
    ['client.*.port', 'client.port', false],
    ['client.*.port', 'client.a.b.port', false],
    ['client.**.port', 'client.port', true],
    ['client.**.port', 'client.a.b.port', true],
    ['**.*interval*', 'a.pollIntervalMs', true],
    ['**.*interval*', 'a.timeout', false],
    ['**.reconnect.**', 'client.reconnect.delay', true],
    ['**.reconnect.**', 'client.reconnect', true],
    ['servers.0.port', 'servers.0.port', true],
  ])('%s ~ %s → %s', (glob, key, expected) => {
    expect(matches(glob, key)).toBe(expected);
  });

  test('a YAML key that contains a dot matches as two segments', () => {
    expect(compileKeyGlob('a.b.c')(matchSegments(['a.b', 'c']))).toBe(true);
  });

  test('normalization ignores case, underscores and hyphens', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z]{1,8}$/), (a, b) => {
        const snake = `${a}_${b}`;
        const camel = `${a}${b[0].toUpperCase()}${b.slice(1)}`;
        return normalizeSegment(snake) === normalizeSegment(camel);
      }),
    );
  });

  test('`**` alone matches any key', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { minLength: 1, maxLength: 6 }),
        (segments) => compileKeyGlob('**')(segments),
      ),
    );
  });
});

describe('secret keys', () => {
  const isSecret = compileSecretTest(['**.*dsn*']);
  test.each([
    ['db.password', true],
    ['DB_PASSWORD', true],
    ['api.apiKey', true],
    ['api.api_key', true],
    ['auth.client-secret', true],
    ['github.token', true],
    ['tls.private_key', true],
    ['aws.credentials', true],
    ['sentry.dsn', true],
    ['client.heartbeat_interval', false],
  ])('%s → %s', (key, expected) => {
    expect(isSecret(matchSegments(key.split('.')))).toBe(expected);
  });
});
