import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS } from '../auth/token-claims';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Only for development and tests; refused when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'ledgerline-development-secret-do-not-use-in-production';

/** Variables every Ledgerline process understands. Each service extends this class. */
export class SharedEnvironment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Interface to bind; the local stack keeps everything on loopback, containers set 0.0.0.0. */
  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Comma-separated `host:port` list. */
  @IsString()
  @IsNotEmpty()
  KAFKA_BROKERS = '127.0.0.1:59092';

  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID = 'ledgerline';

  /** HS256 secret for bearer tokens (development); ignored when JWT_JWKS_URL is set. */
  @IsString()
  @MinLength(32)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  /** JWKS endpoint of the identity provider; set it in production. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  JWT_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /** Longest token lifetime accepted (`exp - iat`, seconds); longer-lived tokens are refused. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 60 * 60)
  JWT_MAX_LIFETIME = DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;

  /** Requests per minute per caller before 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 6000;

  /** Rules that span variables; each returned line names the variables at fault. */
  crossFieldProblems(): string[] {
    if (
      this.NODE_ENV === 'production' &&
      !this.JWT_JWKS_URL &&
      this.JWT_SECRET === DEVELOPMENT_JWT_SECRET
    ) {
      return [
        'JWT_SECRET / JWT_JWKS_URL: production needs JWT_JWKS_URL or a JWT_SECRET of its own',
      ];
    }
    return [];
  }
}
