import path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The architecture is enforced by the linter; this proves the rules still bite, so loosening
 * eslint.config.mjs by accident fails the build instead of silently letting infrastructure in.
 */
const workspaceRoot = path.resolve(__dirname, '../..');

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: workspaceRoot });
  const [result] = await eslint.lintText(source, { filePath: path.join(workspaceRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it.each(['@nestjs/common', 'typeorm', 'pg', 'kafkajs', 'mongodb', 'class-validator'])(
    'the domain may not import %s',
    async (pkg) => {
      const errors = await boundaryErrors(
        'libs/accounts-domain/src/probe.ts',
        `import '${pkg}';\n`,
      );
      expect(errors).toEqual([expect.stringContaining(`is not allowed to import "${pkg}"`)]);
    },
  );

  it.each(['@nestjs/core', 'typeorm', 'kafkajs', 'mongodb'])(
    'contracts may not import %s',
    async (pkg) => {
      const errors = await boundaryErrors('libs/contracts/src/probe.ts', `import '${pkg}';\n`);
      expect(errors).toEqual([expect.stringContaining(`is not allowed to import "${pkg}"`)]);
    },
  );

  it('the domain may not depend on an infrastructure lib', async () => {
    const errors = await boundaryErrors(
      'libs/accounts-domain/src/probe.ts',
      `import '@ledgerline/event-store';\n`,
    );
    expect(errors).toEqual([expect.stringContaining('can only depend on libs tagged with')]);
  });

  it('the query side may not depend on the command side', async () => {
    const errors = await boundaryErrors(
      'apps/query-service/src/probe.ts',
      `import '@ledgerline/event-store';\n`,
    );
    expect(errors).toEqual([expect.stringContaining('scope:query')]);
  });

  it('allowed dependencies pass', async () => {
    const errors = await boundaryErrors(
      'apps/command-service/src/probe.ts',
      `import '@ledgerline/event-store';\n`,
    );
    expect(errors).toEqual([]);
  });
});
