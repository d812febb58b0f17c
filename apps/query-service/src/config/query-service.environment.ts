import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { SharedEnvironment } from '@ledgerline/platform';

/** Every variable query-service reads; parsed and validated once at start-up. */
export class QueryServiceEnvironment extends SharedEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3001;

  /** MongoDB (FerretDB in the local stack). */
  @IsString()
  @IsNotEmpty()
  MONGODB_URL = 'mongodb://127.0.0.1:57017';

  @IsString()
  @IsNotEmpty()
  MONGODB_DATABASE = 'ledgerline';

  /** How long `account(minVersion:)` waits for the view to catch up before CONSISTENCY_TIMEOUT. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  CONSISTENCY_TIMEOUT_MS = 2_000;

  /** Deepest field nesting a GraphQL operation may have (introspection fields not counted). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 8;

  /**
   * Most estimated work one GraphQL operation may ask for: 1 per field, list fields multiplied by
   * their page size. The default admits one full page (`first: 100`) of any connection with every
   * field selected, and refuses a handful of those aliased into one request.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  GRAPHQL_MAX_COMPLEXITY = 2_000;

  /** Replicas in one group share the partitions; a new group name replays from the start. */
  @IsString()
  @IsNotEmpty()
  KAFKA_CONSUMER_GROUP = 'query-service';

  /**
   * How long the group keeps a consumer that stopped heartbeating. A replica killed without
   * leaving the group (kill -9, OOM) holds its partitions this long, and its successor's join waits
   * for it; a long GC pause or a slow batch longer than this costs a rebalance. Kafka refuses values
   * outside its group.min/max.session.timeout.ms (6 s and 30 min by default).
   */
  @Type(() => Number)
  @IsInt()
  @Min(6_000)
  @Max(1_800_000)
  KAFKA_SESSION_TIMEOUT_MS = 10_000;

  /** Must match the relay's KAFKA_TOPIC_PREFIX. */
  @Matches(/^[a-zA-Z0-9._-]*$/)
  KAFKA_TOPIC_PREFIX = '';

  /** `false` runs a GraphQL-only replica (no consumer). */
  @IsIn(['true', 'false'])
  PROJECTIONS_ENABLED: 'true' | 'false' = 'true';

  /** Re-tries of an event ahead of its view before it is dead-lettered. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  PROJECTION_GAP_RETRIES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  PROJECTION_GAP_RETRY_DELAY_MS = 200;
}
