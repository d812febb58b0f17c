import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TokenVerifier } from '@ledgerline/platform';
import type { QueryServiceEnvironment } from '../../config/query-service.environment';

/**
 * The platform's TokenVerifier without its HTTP-wide guard: GraphQL authenticates in its context,
 * and the health probes stay public.
 */
export const tokenVerifierProvider: Provider = {
  provide: TokenVerifier,
  inject: [ConfigService],
  useFactory: (config: ConfigService<QueryServiceEnvironment, true>) => {
    const jwksUrl = config.get('JWT_JWKS_URL', { infer: true });
    const issuer = config.get('JWT_ISSUER', { infer: true });
    const audience = config.get('JWT_AUDIENCE', { infer: true });
    return new TokenVerifier({
      ...(jwksUrl ? { jwksUrl } : { hs256Secret: config.get('JWT_SECRET', { infer: true }) }),
      ...(issuer ? { issuer } : {}),
      ...(audience ? { audience } : {}),
    });
  },
};
