/**
 * Real config file pairs (base/head of one commit) from public repositories, listed in
 * ../shared/corpus/SOURCES.tsv and never copied into this repository. Skipped when absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigFormat } from '../../../src/model/policy.js';
import { diffFiles } from '../../../src/engine/config/diff.js';
import { diffConfig, formatFromPath } from '../../../src/engine/config/index.js';
import { changes, summary } from './helpers.js';
import { yamlReference } from './yaml-reference.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = path.resolve(repoRoot, '../shared/corpus');
const present = existsSync(path.join(CORPUS, 'SOURCES.tsv'));
const describeCorpus = present ? describe : describe.skip;

interface CorpusPair {
  id: string;
  source: string;
  format: ConfigFormat;
  base: string;
  head: string;
}

function corpusPairs(): CorpusPair[] {
  const sources = new Map(
    readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((row) => row.trim() !== '')
      .map((row) => row.split('\t'))
      .map(([id = '', repository = '', , file = '']) => [id, `${repository}/${file}`]),
  );
  return readdirSync(CORPUS)
    .filter((id) => /^\d+$/.test(id))
    .sort()
    .map((id) => {
      const files = readdirSync(path.join(CORPUS, id));
      const base = files.find((name) => name.startsWith('base.')) ?? '';
      const head = files.find((name) => name.startsWith('head.')) ?? '';
      const source = sources.get(id) ?? base;
      return {
        id,
        source,
        format: formatFromPath(source) ?? formatFromPath(base) ?? 'yaml',
        base: readFileSync(path.join(CORPUS, id, base), 'utf8'),
        head: readFileSync(path.join(CORPUS, id, head), 'utf8'),
      };
    });
}

const pairs = present ? corpusPairs() : [];
const byId = new Map(pairs.map((pair) => [pair.id, pair]));
const table = pairs.map((pair) => [`${pair.id} ${pair.source}`, pair] as const);

function corpusChanges(id: string): string[] {
  const pair = byId.get(id);
  if (pair === undefined) throw new Error(`corpus pair ${id} is missing`);
  return summary(changes(pair.format, pair.base, pair.head));
}

describeCorpus('corpus pairs', () => {
  test.each(table.length > 0 ? table : [['none', null]])('%s: diffs, or fails cleanly', (_name, pair) => {
    if (pair === null) return;
    const result = diffConfig(pair.format, pair.base, pair.head);
    if (!result.ok) {
      expect(result.message).toMatch(/\S/);
      expect(result.line === null || result.line >= 1).toBe(true);
      return;
    }
    for (const change of result.changes) {
      expect(change.key).toBe(change.segments.join('.'));
      expect(change.line === null || change.line >= 1).toBe(true);
    }
  });

  test('every YAML side reads the same keys, values and lines as the yaml library (order aside)', () => {
    for (const pair of pairs.filter((candidate) => candidate.format === 'yaml')) {
      for (const text of [pair.base, pair.head]) {
        const ours = summary(changes('yaml', null, text)).sort();
        expect([pair.id, ours]).toEqual([pair.id, summary(diffFiles(null, yamlReference(text))).sort()]);
      }
    }
  });
});

describeCorpus('hand-checked corpus changes', () => {
  test('quartz.properties: a moved key is no change; `:` separators', () => {
    expect(corpusChanges('002')).toEqual([
      'org.quartz.threadPool.threadCount: "10" → "15" @13',
      'org.quartz.jobStore.maxMisfiresToHandleAtATime: ∅ → "1" @18',
      'org.quartz.jobStore.clusterCheckinInterval: "1000" → "5000" @26',
    ]);
  });

  test('log4j.properties: a key and a longer key below it are separate keys', () => {
    expect(corpusChanges('009')).toEqual([
      'log4j.rootLogger: "DEBUG, A1" → "INFO, A1" @18',
      'log4j.logger.A1: "DEBUG" → ∅ @20',
    ]);
  });

  test('Kubernetes manifests: documents by kind/name, containers by name', () => {
    expect(corpusChanges('023')[0]).toBe(
      'Deployment/frontend|spec.template.spec.containers.server.image: ' +
        '"us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.10.5" → ' +
        '"us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6" @53',
    );
  });

  test('docker-compose with a merged anchor: every service using it changes, located at the anchor', () => {
    const list = corpusChanges('030');
    expect(list).toContain('x-healthcheck-defaults.timeout: "5s" → "60s" @14');
    expect(list).toContain('services.redis.healthcheck.timeout: "5s" → "60s" @14');
    expect(list).toHaveLength(7);
  });

  test('Alertmanager routes without names are addressed by index', () => {
    expect(corpusChanges('013')).toEqual(['spec.route.routes.1.repeatInterval: "5m" → "2m30s" @24']);
  });

  test('an emptied mapping gains a key: the "{}" leaf is removed, the new key added', () => {
    expect(corpusChanges('029')).toEqual([
      'gateway.service.labels: "{}" → ∅ @1678',
      'gateway.service.labels.external-dns.alpha.kubernetes.io/hostname: ∅ → "" @1679',
    ]);
  });

  test('Grafana dashboard JSON: template variables by name', () => {
    expect(corpusChanges('012')).toEqual(['templating.list.created_by.refresh: 1 → 2 @2294']);
  });

  test('fly.toml: array of tables by index, lines of the pair', () => {
    expect(corpusChanges('050')).toEqual(['http_service.checks.0.path: "/" → "/healthz" @39']);
  });

  test('uwsgi.ini: section.key, values as strings', () => {
    expect(corpusChanges('037')).toEqual(
      expect.arrayContaining([
        'uwsgi.workers: "4" → "%k" @7',
        'uwsgi.threads: ∅ → "4" @8',
        'uwsgi.disable-logging: "True" → "true" @31',
      ]),
    );
  });

  test('.env reordered with new comments: no change', () => {
    expect(corpusChanges('032')).toEqual([]);
  });

  test('.env.sample: one changed value', () => {
    expect(corpusChanges('041')).toEqual(['RATE_LIMITER_REQUESTS: "5000" → "1000" @178']);
  });
});
