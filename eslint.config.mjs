import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Infrastructure clients that pure code (domain, contracts, util) must never reach for.
const infrastructure = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  'mongodb',
  'express',
  'jose',
  'pino*',
  'prom-client',
  '@opentelemetry/*',
];

/**
 * Two dimensions: what a project is (type:*) and which side it serves (scope:*).
 * Test files may additionally use the testing lib; nothing else is relaxed for them.
 */
function depConstraints({ forTests }) {
  const testing = forTests ? ['type:testing'] : [];
  return [
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: [
        'type:domain',
        'type:contracts',
        'type:infra',
        'type:util',
        ...testing,
      ],
    },
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util', ...testing],
      bannedExternalImports: [...infrastructure, 'class-validator', 'class-transformer'],
    },
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...testing],
      bannedExternalImports: infrastructure,
    },
    {
      sourceTag: 'type:util',
      onlyDependOnLibsWithTags: ['type:util', ...testing],
      bannedExternalImports: [...infrastructure, 'class-validator', 'class-transformer'],
    },
    {
      sourceTag: 'type:infra',
      onlyDependOnLibsWithTags: [
        'type:infra',
        'type:domain',
        'type:contracts',
        'type:util',
        ...testing,
      ],
    },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:testing', 'type:domain', 'type:contracts', 'type:util'],
      bannedExternalImports: infrastructure,
    },
    { sourceTag: 'scope:command', onlyDependOnLibsWithTags: ['scope:command', 'scope:shared'] },
    { sourceTag: 'scope:query', onlyDependOnLibsWithTags: ['scope:query', 'scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ];
}

const boundaries = (forTests) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    banTransitiveDependencies: true,
    allow: [],
    depConstraints: depConstraints({ forTests }),
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.stack', '**/.nx', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
];
