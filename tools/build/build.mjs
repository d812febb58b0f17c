#!/usr/bin/env node
// Production build: compiles apps/*/src and libs/*/src to CommonJS under dist/ with SWC, so the
// services start with plain `node dist/apps/<app>/src/<entry>.js` — no SWC, no TypeScript at run
// time. SWC (not tsc) because it emits the same decorator metadata the services already run on
// through @swc-node/register, and does the whole tree in about a second; `tsc` type-checks in
// `npm test`. Usage: node tools/build/build.mjs [--out dist]
import { transformFile } from '@swc/core';
import { builtinModules } from 'node:module';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outArg = process.argv.indexOf('--out');
const outDir = path.resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'dist');

// Tests, test support and the test-only library never ship; the resolution check below fails the
// build if production code reaches for any of them.
const SKIPPED_FILE = /\.(spec|int-spec|e2e-spec)\.ts$|\.d\.ts$/;
const SKIPPED_DIRS = new Set(['test', 'node_modules']);
const SKIPPED_PROJECTS = new Set(['libs/testing']);

// The same SWC settings as jest.preset.cjs, so tests and production compile alike.
const swcOptions = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'commonjs', strict: true },
  // Maps keep stack traces pointing at .ts lines (node --enable-source-maps); without the sources
  // inlined, so the image carries no TypeScript.
  sourceMaps: true,
  inlineSourcesContent: false,
};

const { compilerOptions } = JSON.parse(
  await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'),
);
// '@ledgerline/platform' → 'libs/platform/src/index' (no extension: Node appends .js).
const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [
    name,
    path.normalize(target).replace(/\.ts$/, ''),
  ]),
);
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const runtimeDeps = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sources(full);
    } else if (entry.name.endsWith('.ts') && !SKIPPED_FILE.test(entry.name)) {
      yield full;
    }
  }
}

async function projectSources() {
  const files = [];
  for (const group of ['apps', 'libs']) {
    for (const project of await readdir(path.join(root, group))) {
      if (SKIPPED_PROJECTS.has(`${group}/${project}`)) continue;
      const src = path.join(root, group, project, 'src');
      try {
        for await (const file of sources(src)) files.push(file);
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
    }
  }
  return files;
}

// SWC writes every static and dynamic import as require("…") in CommonJS output.
const REQUIRE = /\brequire\("([^"]+)"\)/g;

/** Rewrites `@ledgerline/<lib>` to a relative path; collects problems instead of throwing. */
function rewriteAliases(code, relFile, problems) {
  return code.replace(REQUIRE, (call, spec) => {
    if (!spec.startsWith('@ledgerline/')) return call;
    const target = aliases.get(spec);
    if (!target) {
      problems.push(`${relFile}: unknown workspace import ${spec}`);
      return call;
    }
    let rel = path.relative(path.dirname(relFile), target).split(path.sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `require("${rel}")`;
  });
}

/** Every require must resolve inside dist/ or to a production dependency / Node built-in. */
function checkRequires(code, relFile, emitted, problems) {
  for (const [, spec] of code.matchAll(REQUIRE)) {
    if (spec.startsWith('.')) {
      const base = path.normalize(path.join(path.dirname(relFile), spec));
      if (![`${base}.js`, path.join(base, 'index.js'), base].some((f) => emitted.has(f))) {
        problems.push(
          `${relFile}: ${spec} is not part of the build (test code or a missing file?)`,
        );
      }
      continue;
    }
    if (builtins.has(spec) || spec.startsWith('@swc/helpers')) continue;
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!runtimeDeps.has(name)) {
      problems.push(`${relFile}: '${name}' is not in package.json "dependencies" (dev-only?)`);
    }
  }
}

const started = performance.now();
const files = await projectSources();
const results = await Promise.all(
  files.map(async (file) => {
    const relFile = path.relative(root, file).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, {
      ...swcOptions,
      filename: file,
      sourceFileName: path.relative(path.dirname(path.join(outDir, relFile)), file),
    });
    return { relFile, code, map };
  }),
);

const problems = [];
const emitted = new Set(results.map((r) => r.relFile));
for (const r of results) {
  r.code = rewriteAliases(r.code, r.relFile, problems);
  checkRequires(r.code, r.relFile, emitted, problems);
}
if (problems.length > 0) {
  process.stderr.write(`build failed:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
// SWC inlines its helpers unless externalHelpers is set, so @swc/helpers is never needed at run time.
if (results.some((r) => r.code.includes('require("@swc/helpers'))) {
  process.stderr.write('build failed: output needs @swc/helpers, a dev-only package\n');
  process.exit(1);
}

await rm(outDir, { recursive: true, force: true });
await Promise.all(
  results.map(async ({ relFile, code, map }) => {
    const target = path.join(outDir, relFile);
    await mkdir(path.dirname(target), { recursive: true });
    const mapName = `${path.basename(target)}.map`;
    await writeFile(target, `${code}\n//# sourceMappingURL=${mapName}\n`);
    if (map) await writeFile(`${target}.map`, map);
  }),
);
// Pins the module system of dist/ whatever a parent package.json says.
await writeFile(path.join(outDir, 'package.json'), '{ "type": "commonjs", "private": true }\n');

const ms = Math.round(performance.now() - started);
process.stdout.write(
  `built ${results.length} files into ${path.relative(root, outDir)}/ in ${ms} ms\n`,
);
