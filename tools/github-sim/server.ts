/**
 * The loopback GitHub API: one repository and one pull request from a scenario, over real HTTP on 127.0.0.1.
 * Latency and faults can be injected; in strict mode every request and response is checked against GitHub's
 * OpenAPI description and each mismatch is recorded as a violation.
 */
import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { route, type SimRequest, type SimResponse } from './routes.js';
import { loadSimScenario } from './scenario-input.js';
import { World, type SimScenario, type WorldOptions } from './world.js';

export interface Fault {
  /** Only requests with this method (default: any). */
  method?: string;
  /** Regular expression over the request path (no query). */
  path: string | RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  headers?: Record<string, string>;
  message?: string;
}

export interface GitHubSimOptions extends WorldOptions {
  /** A scenario file, or a scenario already loaded. */
  scenario: string | SimScenario;
  /** Delay before every response. */
  latencyMs?: number;
  faults?: Fault[];
  /** Check every request and response against GitHub's OpenAPI description (needs the @octokit/openapi dev dependency). */
  strict?: boolean;
  /** Append every accepted write as a JSON line to this file. */
  record?: string;
  /** Default: a free port. */
  port?: number;
  access?: {
    /** Every token is read-only, like a fork's `GITHUB_TOKEN`: writes answer 403. */
    readOnly?: boolean;
    /** Only this token may read org team membership; any other gets 404, as `GITHUB_TOKEN` does. */
    teamsToken?: string;
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface RecordedWrite {
  method: string;
  path: string;
  body: unknown;
}

export interface GitHubSim {
  url: string;
  world: World;
  requests: RecordedRequest[];
  writes: RecordedWrite[];
  violations: string[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Checker = typeof import('../../test/support/openapi.js');

export async function createGitHubSim(options: GitHubSimOptions): Promise<GitHubSim> {
  const scenario =
    typeof options.scenario === 'string' ? await loadSimScenario(options.scenario) : options.scenario;
  const checker: Checker | null = options.strict ? await import('../../test/support/openapi.js') : null;
  checker?.loadSpec();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const world = new World(scenario, url, {
    ...options,
    policyPath: options.policyPath ?? scenario.policy.path,
  });
  const simulator = new Simulator(world, url, options, checker);
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) =>
    simulator.serve(incoming, outgoing),
  );
  return {
    url,
    world,
    requests: simulator.requests,
    writes: simulator.writes,
    violations: simulator.violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((failure) => (failure ? reject(failure) : resolve()));
      }),
  };
}

class Simulator {
  readonly requests: RecordedRequest[] = [];
  readonly writes: RecordedWrite[] = [];
  readonly violations: string[] = [];
  private readonly faults: (Fault & { left: number; pattern: RegExp })[];

  constructor(
    private readonly world: World,
    private readonly url: string,
    private readonly options: GitHubSimOptions,
    private readonly checker: Checker | null,
  ) {
    this.faults = (options.faults ?? []).map((fault) => ({
      ...fault,
      left: fault.times ?? 1,
      pattern: new RegExp(fault.path),
    }));
  }

  serve(incoming: IncomingMessage, outgoing: ServerResponse): void {
    this.handle(incoming, outgoing).catch((failure: unknown) => {
      this.violations.push(
        `simulator failure on ${incoming.method} ${incoming.url}: ${(failure as Error).stack ?? failure}`,
      );
      if (!outgoing.headersSent) send(outgoing, { status: 500, body: { message: 'simulator failure' } });
    });
  }

  private async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const { options, checker } = this;
    const body = await readBody(incoming);
    const url = new URL(incoming.url ?? '/', 'http://sim.invalid');
    const request: SimRequest = {
      method: incoming.method ?? 'GET',
      // GitHub Enterprise Server paths (/api/v3/…, /api/graphql) are served as well.
      path: url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql'),
      query: url.searchParams,
      body,
      accept: incoming.headers.accept ?? '',
      url: this.url,
      access: accessOf(incoming.headers.authorization, options.access),
    };
    if (options.latencyMs) await sleep(options.latencyMs);
    const isApi = request.path !== '/graphql' && !request.path.startsWith('/_sim/');
    if (checker && isApi) {
      this.violations.push(
        ...checker.checkRequest(request.method, request.path, queryRecord(url.searchParams), body),
      );
    }
    const response = this.injectedFault(request) ?? route(this.world, request);
    // GitHub's description documents few error statuses (a fork token's 403 on a write is not among them).
    if (checker && isApi && response.status < 400) {
      this.violations.push(
        ...checker.checkResponse(request.method, request.path, response.status, response.body),
      );
    }
    this.requests.push({
      method: request.method,
      path: request.path,
      query: Object.fromEntries(url.searchParams),
      status: response.status,
    });
    const isWrite = request.method !== 'GET' && request.method !== 'HEAD' && request.path !== '/graphql';
    if (isWrite && response.status < 400) {
      const write = { method: request.method, path: request.path, body: body ?? null };
      this.writes.push(write);
      if (options.record) appendFileSync(options.record, `${JSON.stringify(write)}\n`);
    }
    send(outgoing, response);
  }

  private injectedFault(request: SimRequest): SimResponse | null {
    const fault = this.faults.find(
      (candidate) =>
        candidate.left > 0 &&
        (!candidate.method || candidate.method === request.method) &&
        candidate.pattern.test(request.path),
    );
    if (!fault) return null;
    fault.left -= 1;
    const message = fault.message ?? defaultMessage(fault);
    return {
      status: fault.status,
      body: { message, documentation_url: 'https://docs.github.com/rest' },
      headers: fault.headers,
    };
  }
}

function defaultMessage(fault: { status: number; headers?: Record<string, string> }): string {
  const retryAfter = Object.keys(fault.headers ?? {}).some((name) => name.toLowerCase() === 'retry-after');
  if ((fault.status === 403 || fault.status === 429) && retryAfter) {
    return 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
  }
  return (
    {
      403: 'Forbidden',
      404: 'Not Found',
      500: 'Internal Server Error',
      502: 'Bad Gateway',
      503: 'Service Unavailable',
    }[fault.status] ?? `Simulated ${fault.status}`
  );
}

function accessOf(
  authorization: string | undefined,
  access: GitHubSimOptions['access'] = {},
): SimRequest['access'] {
  const token = authorization?.replace(/^(token|bearer)\s+/i, '') ?? '';
  return { write: !access.readOnly, members: access.teamsToken === undefined || token === access.teamsToken };
}

async function readBody(incoming: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}

function send(outgoing: ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = {
    'x-github-request-id': `SIM:${Math.random().toString(16).slice(2, 10)}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-resource': 'core',
    ...response.headers,
  };
  if (response.raw) {
    outgoing.writeHead(response.status, {
      ...headers,
      'content-type': response.contentType ?? 'application/octet-stream',
    });
    outgoing.end(response.raw);
  } else if (response.body === undefined) {
    outgoing.writeHead(response.status, headers);
    outgoing.end();
  } else {
    outgoing.writeHead(response.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(JSON.stringify(response.body));
  }
}
