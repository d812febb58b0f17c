import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { SharedEnvironment } from '@ledgerline/platform';

/** Every variable the outbox relay reads. */
export class RelayEnvironment extends SharedEnvironment {
  /** Health and metrics port of the relay process. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3002;

  @IsString()
  @IsNotEmpty()
  DATABASE_URL = 'postgres://ledgerline:ledgerline@127.0.0.1:55432/ledgerline';

  /** Relays with the same name form one leader/standby group sharing one checkpoint. */
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/)
  RELAY_NAME = 'main';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  RELAY_BATCH_SIZE = 500;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  RELAY_IDLE_POLL_MS = 1_000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  RELAY_STANDBY_RETRY_MS = 1_000;

  /**
   * A transaction holding the settled horizon longer than this is named in a warning (and again
   * every minute while it holds); `ledgerline_relay_horizon_held_seconds` shows every hold.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  RELAY_HORIZON_WARN_AFTER_MS = 10_000;

  /** Where a relay group without a checkpoint starts: `beginning` (the whole store) or `latest`. */
  @IsIn(['beginning', 'latest'])
  RELAY_START_FROM: 'beginning' | 'latest' = 'beginning';

  /** Partitions of topics the relay creates when they are absent. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  KAFKA_TOPIC_PARTITIONS = 6;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  KAFKA_REPLICATION_FACTOR = 1;

  /** Namespaces all topics (e.g. per environment, or per test run on a shared broker). */
  @Matches(/^[a-zA-Z0-9._-]*$/)
  KAFKA_TOPIC_PREFIX = '';
}
