import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { GraphQLModule } from '@nestjs/graphql';
import { TokenVerifier } from '@ledgerline/platform';
import type { QueryServiceEnvironment } from '../config/query-service.environment';
import { ViewsModule } from '../views/views.module';
import { GraphqlAuthModule } from './auth/graphql-auth.module';
import { authenticatedContext } from './auth/graphql-context';
import { formatError } from './format-error';
import { GraphQLErrorFilter } from './graphql-error.filter';
import { nulFreeArgumentsPlugin } from './input/nul-free-arguments';
import { complexityLimitPlugin } from './limits/complexity';
import { depthLimitRule } from './limits/depth-limit.rule';

type Config = ConfigService<QueryServiceEnvironment, true>;

/**
 * `POST /graphql`, code-first from the views' models and resolvers. Every request needs a bearer
 * token (checked while building the context, before anything executes); depth is limited by a
 * validation rule and complexity right after validation, so over-limit operations never run.
 */
@Module({
  imports: [
    ViewsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GraphqlAuthModule],
      inject: [ConfigService, TokenVerifier],
      useFactory: (config: Config, verifier: TokenVerifier): ApolloDriverConfig => {
        const development = config.get('NODE_ENV', { infer: true }) === 'development';
        return {
          path: '/graphql',
          autoSchemaFile: true,
          // The sandbox and introspection help while developing and only map the API for others.
          graphiql: development,
          introspection: development,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: Parameters<typeof authenticatedContext>[1] }) =>
            authenticatedContext(verifier, req),
          validationRules: [depthLimitRule(config.get('GRAPHQL_MAX_DEPTH', { infer: true }))],
          plugins: [
            nulFreeArgumentsPlugin(),
            complexityLimitPlugin(config.get('GRAPHQL_MAX_COMPLEXITY', { infer: true })),
          ],
          formatError,
        };
      },
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphQLErrorFilter }],
})
export class GraphqlApiModule {}
