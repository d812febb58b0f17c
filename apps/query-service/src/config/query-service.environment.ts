import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
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
}
