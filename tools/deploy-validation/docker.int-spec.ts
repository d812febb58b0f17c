import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import {
  documentedVariables,
  installTools,
  run,
  TOOL_INSTALL_TIMEOUT_MS,
  workspaceRoot,
  type DeployTools,
} from './support/deploy-tools';

/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine: `docker compose config`
 * (the real Compose loader and schema), hadolint, and the image's build stage replayed on exactly
 * the files .dockerignore lets into the build context.
 */
type ComposeService = {
  image?: string;
  build?: unknown;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  environment?: Record<string, string>;
  read_only?: boolean;
  cap_drop?: string[];
  profiles?: string[];
  restart?: string;
};

let tools: Partial<DeployTools>;
let services: Record<string, ComposeService>;

beforeAll(() => {
  tools = installTools('compose', 'hadolint');
  const result = compose('--profile', 'tools', 'config', '--format', 'json');
  if (result.status !== 0) throw new Error(`docker compose config:\n${result.output}`);
  services = (JSON.parse(result.stdout) as { services: Record<string, ComposeService> }).services;
}, TOOL_INSTALL_TIMEOUT_MS);

/** Compose with a clean environment, so a developer's exported variables change nothing. */
function compose(...args: string[]) {
  return run(tools['docker-compose']!, ['--project-directory', workspaceRoot, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
  });
}

const APP_SERVICES = ['migrate', 'command-service', 'relay', 'query-service'];

describe('docker-compose.yml', () => {
  it('is valid for `docker compose config`, with and without the tools profile', () => {
    expect(compose('config', '--quiet').output).toBe('');
    expect(compose('--profile', 'tools', 'config', '--quiet').output).toBe('');
  });

  it('runs the migrations, the services, PostgreSQL, Kafka, MongoDB and the optional tools', () => {
    expect(Object.keys(services).sort()).toEqual(
      [...APP_SERVICES, 'postgres', 'kafka', 'mongo', 'kafka-ui', 'jaeger'].sort(),
    );
    expect(services['kafka']!.image).toBe('apache/kafka:4.4.0');
    expect(services['mongo']!.image).toMatch(/^mongo:8/);
    expect(services['postgres']!.image).toMatch(/^postgres:1[56]\b/);
    // An idle transaction would hold the relay's settled horizon forever (docs/deployment.md).
    expect(services['postgres']!.command).toEqual([
      'postgres',
      '-c',
      'idle_in_transaction_session_timeout=60s',
    ]);
    expect(services['kafka-ui']!.profiles).toEqual(['tools']);
    expect(services['jaeger']!.profiles).toEqual(['tools']);
  });

  it('pins every third-party image to a version', () => {
    const unpinned = Object.entries(services)
      .filter(([name]) => !APP_SERVICES.includes(name))
      .filter(([, s]) => !/:[^:]*\d+\.\d+/.test(s.image ?? '') && !s.image?.includes('@sha256:'))
      .map(([name, s]) => `${name}: ${s.image}`);
    expect(unpinned).toEqual([]);
  });

  it('gates start-up on health and completion, never on a mere start', () => {
    const conditions = Object.entries(services).flatMap(([name, s]) =>
      Object.entries(s.depends_on ?? {}).map(([dependency, { condition }]) => ({
        name,
        dependency,
        condition,
      })),
    );
    for (const { dependency, condition } of conditions) {
      expect(Object.keys(services)).toContain(dependency);
      const expected =
        dependency === 'migrate' ? 'service_completed_successfully' : 'service_healthy';
      expect([dependency, condition]).toEqual([dependency, expected]);
    }
    // Every healthy-gated dependency has a healthcheck to become healthy with.
    for (const { dependency, condition } of conditions) {
      if (condition === 'service_healthy') {
        expect([dependency, services[dependency]!.healthcheck?.test?.length]).toEqual([
          dependency,
          expect.any(Number),
        ]);
      }
    }
    expect(services['command-service']!.depends_on).toHaveProperty('migrate');
    expect(services['relay']!.depends_on).toHaveProperty('migrate');
    // The relay creates the topics; the consumer subscribes after it is ready.
    expect(services['query-service']!.depends_on).toHaveProperty('relay');
  });

  it('runs one image for every process, hardened, with only documented variables', () => {
    const known = documentedVariables();
    const images = new Set(APP_SERVICES.map((name) => services[name]!.image));
    expect(images.size).toBe(1);
    for (const name of APP_SERVICES) {
      const service = services[name]!;
      expect([name, service.read_only, service.cap_drop]).toEqual([name, true, ['ALL']]);
      expect(service.command?.[0]).toBe('node');
      const unknown = Object.keys(service.environment ?? {}).filter((key) => !known.has(key));
      expect([name, unknown]).toEqual([name, []]);
    }
    expect(services['migrate']!.restart).toBe('no');
  });
});

describe('Dockerfile', () => {
  const dockerfile = () => readFileSync(path.join(workspaceRoot, 'Dockerfile'), 'utf8');

  it('passes hadolint', () => {
    const result = run(tools.hadolint!, ['--no-color', path.join(workspaceRoot, 'Dockerfile')]);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs as a numeric non-root user, in production mode, with a healthcheck', () => {
    const runtime = dockerfile().slice(dockerfile().lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER [1-9]\d*:[1-9]\d*$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health\/live/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/apps\/command-service\/src\/main\.js"\]$/m);
    expect(dockerfile()).toMatch(/^ARG NODE_IMAGE=node:24-slim$/m);
  });

  it('builds dist/ from exactly the files .dockerignore lets into the context', () => {
    mkdirSync(path.join(workspaceRoot, 'tmp'), { recursive: true });
    const context = mkdtempSync(path.join(workspaceRoot, 'tmp', 'docker-context-'));
    try {
      const ignore = dockerignore(readFileSync(path.join(workspaceRoot, '.dockerignore'), 'utf8'));
      // The build stage's COPY sources (relative to the context).
      const sources = [...dockerfile().matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) =>
        m[1]!.split(/\s+/),
      );
      for (const source of sources) copyFiltered(source, context, ignore);
      expect(existsSync(path.join(context, 'apps/command-service/src/main.ts'))).toBe(true);
      expect(existsSync(path.join(context, 'apps/command-service/test'))).toBe(false);
      // The build stage's `npm install`, replaced by the workspace's own node_modules.
      symlinkSync(path.join(workspaceRoot, 'node_modules'), path.join(context, 'node_modules'));
      const build = run(process.execPath, ['tools/build/build.mjs'], { cwd: context });
      expect(build.output).toMatch(/^built \d+ files into dist\//);
      for (const entry of ['main', 'relay', 'migrate']) {
        expect(existsSync(path.join(context, `dist/apps/command-service/src/${entry}.js`))).toBe(
          true,
        );
      }
      expect(existsSync(path.join(context, 'dist/apps/query-service/src/main.js'))).toBe(true);
      expect(existsSync(path.join(context, 'docker/wait-for-migrations.cjs'))).toBe(true);
    } finally {
      rmSync(context, { recursive: true, force: true });
    }
  });
});

/**
 * .dockerignore semantics: patterns match the path or any parent directory, `*` stays within one
 * segment, `**` spans any number, and the last matching pattern wins (`!` re-includes).
 */
function dockerignore(text: string): (file: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const glob = (include ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      const source = glob
        .split('/')
        .map((segment) =>
          segment === '**'
            ? '.*'
            : segment
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { include, pattern: new RegExp(`^${source}$`) };
    });
  return (file) => {
    const candidates = file.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const rule of rules) {
      if (candidates.some((candidate) => rule.pattern.test(candidate))) ignored = !rule.include;
    }
    return ignored;
  };
}

function copyFiltered(source: string, context: string, ignored: (file: string) => boolean) {
  const walk = (relative: string) => {
    const absolute = path.join(workspaceRoot, relative);
    if (!existsSync(absolute)) return;
    if (readdirSafe(absolute)) {
      for (const entry of readdirSync(absolute)) walk(path.posix.join(relative, entry));
    } else if (!ignored(relative)) {
      cpSync(absolute, path.join(context, relative));
    }
  };
  walk(source.replace(/\/$/, ''));
}

function readdirSafe(absolute: string): boolean {
  try {
    readdirSync(absolute);
    return true;
  } catch {
    return false;
  }
}
