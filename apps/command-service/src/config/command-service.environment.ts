import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { SharedEnvironment } from '@ledgerline/platform';

/** Every variable command-service reads; parsed and validated once at start-up. */
export class CommandServiceEnvironment extends SharedEnvironment {
  /** `postgres://user:password@host:port/database` */
  @IsString()
  @IsNotEmpty()
  DATABASE_URL = 'postgres://ledgerline:ledgerline@127.0.0.1:55432/ledgerline';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /** A snapshot is taken each time a stream crosses a multiple of this many events (0: never). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SNAPSHOT_EVERY = 100;

  /**
   * Streams whose state is kept in memory after this process's own appends, so their next command
   * needs no load (0: off). Safe with any number of replicas: a stale entry loses its append race.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  STATE_CACHE_SIZE = 10_000;

  /** Re-decisions after a concurrent append before answering 409. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  COMMAND_MAX_RETRIES = 20;

  /** Largest accepted JSON body; the API's bodies are a few hundred bytes. */
  @Matches(/^\d+(b|kb|mb)$/)
  BODY_LIMIT = '16kb';
}
