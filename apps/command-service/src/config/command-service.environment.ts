import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
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
}
