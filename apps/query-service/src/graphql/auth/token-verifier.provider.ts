import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { authOptionsFrom, TokenVerifier } from '@ledgerline/platform';
import type { QueryServiceEnvironment } from '../../config/query-service.environment';

/**
 * The platform's TokenVerifier without its HTTP-wide guard: GraphQL authenticates in its context,
 * and the health probes stay public.
 */
export const tokenVerifierProvider: Provider = {
  provide: TokenVerifier,
  inject: [ConfigService],
  useFactory: (config: ConfigService<QueryServiceEnvironment, true>) =>
    new TokenVerifier(authOptionsFrom(config)),
};
