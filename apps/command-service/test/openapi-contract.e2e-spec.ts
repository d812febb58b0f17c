import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startService, type RunningService } from '@ledgerline/testing';
import { newId, token } from './support/http-client';

const ENTRY = 'apps/command-service/src/main.ts';
const workspaceRoot = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

/**
 * Deterministic by default; SCHEMATHESIS_SEED explores other inputs. About 950 cases in ~25 s on
 * a 2-core machine.
 */
const SEED = process.env['SCHEMATHESIS_SEED'] ?? '20261204';
const MAX_EXAMPLES = '100';
/** A cold cache installs schemathesis first (~20 s); the run itself takes ~25 s. */
const TIMEOUT_MS = 240_000;

/** The cached schemathesis binary, installed on first use like the deployment validators. */
async function schemathesisBinary(): Promise<string> {
  const { stdout } = await run(
    'bash',
    [path.join(workspaceRoot, 'tools/deploy-validation/install-tools.sh'), 'schemathesis'],
    { timeout: TIMEOUT_MS },
  );
  const line = stdout
    .trim()
    .split('\n')
    .find((entry) => entry.startsWith('schemathesis='));
  if (!line) throw new Error(`install-tools.sh reported no schemathesis: ${stdout}`);
  return line.slice('schemathesis='.length);
}

/** Exit status and output of a run; a failing run is an answer here, not an exception. */
async function runSchemathesis(binary: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(binary, args, {
      cwd,
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** node:http rather than fetch, which refuses to send TRACE. */
function send(url: string, method: string) {
  return new Promise<{ status: number; allow?: string; type?: string; body: string }>(
    (resolve, reject) => {
      const outgoing = request(url, { method }, (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            ...(incoming.headers.allow ? { allow: incoming.headers.allow } : {}),
            ...(incoming.headers['content-type'] ? { type: incoming.headers['content-type'] } : {}),
            body,
          }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    },
  );
}

describe('command-service against its own OpenAPI document (schemathesis, real PostgreSQL)', () => {
  let service: RunningService;
  let workDir: string;

  beforeAll(async () => {
    // Schemathesis sends hundreds of requests a second from one address: above the default limit.
    service = await startService(ENTRY, { RATE_LIMIT_PER_MINUTE: '1000000' });
    workDir = await mkdtemp(path.join(tmpdir(), 'schemathesis-'));
  });

  afterAll(async () => {
    await service?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it(
    'answers every generated request as the document says: all checks, no failure',
    async () => {
      const binary = await schemathesisBinary();
      // A tenant of its own: teller (acts on any account of it), auditor and admin (the feed).
      const bearer = await token('schemathesis', `contract-${newId()}`, [
        'teller',
        'auditor',
        'admin',
      ]);
      const { status, output } = await runSchemathesis(
        binary,
        [
          '--config-file',
          path.join(__dirname, 'schemathesis.toml'),
          'run',
          `${service.url}/docs-json`,
          '--checks',
          'all',
          '--max-examples',
          MAX_EXAMPLES,
          '--seed',
          SEED,
          '--workers',
          '1',
          '--generation-database',
          'none',
          '--request-timeout',
          '10',
          '--header',
          `Authorization: Bearer ${bearer}`,
          '--no-color',
        ],
        workDir,
      );

      // On failure this shows schemathesis' report: each failure with a curl to reproduce it.
      expect(status === 0 ? 'exit status 0' : output).toBe('exit status 0');
      expect(output).toMatch(/Tested: 8\b/);
      const [, generated = '0', passed] = /(\d+) generated, (\d+) passed/.exec(output) ?? [];
      expect(Number(generated)).toBeGreaterThan(500);
      expect(passed).toBe(generated);
    },
    TIMEOUT_MS + 60_000,
  );

  describe('methods a path does not take', () => {
    it('405 with Allow and Problem Details on a known path', async () => {
      for (const [method, pathname, allow] of [
        ['TRACE', '/accounts', 'OPTIONS, POST'],
        ['PUT', '/accounts', 'OPTIONS, POST'],
        ['DELETE', `/accounts/${newId()}/deposits`, 'OPTIONS, POST'],
        ['POST', `/accounts/${newId()}/events`, 'GET, HEAD, OPTIONS'],
        ['TRACE', '/health/ready', 'GET, HEAD, OPTIONS'],
      ] as const) {
        const answer = await send(`${service.url}${pathname}`, method);
        expect([method, pathname, answer.status, answer.allow, answer.type]).toEqual([
          method,
          pathname,
          405,
          allow,
          expect.stringContaining('application/problem+json'),
        ]);
        expect(JSON.parse(answer.body)).toMatchObject({
          type: '/problems/method-not-allowed',
          status: 405,
        });
      }
    });

    it('204 with Allow for OPTIONS, and unknown paths stay 404', async () => {
      expect(await send(`${service.url}/accounts`, 'OPTIONS')).toMatchObject({
        status: 204,
        allow: 'OPTIONS, POST',
      });
      const unknown = await send(`${service.url}/transfers`, 'TRACE');
      expect(unknown.status).toBe(404);
      expect(unknown.allow).toBeUndefined();
    });
  });
});
