import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
}
