import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalField } from '../../common/optional-field';

/** Stream versions are PostgreSQL `integer`s; a larger one would fail in the query, not match. */
export const MAX_STREAM_VERSION = 2_147_483_647;
export const MAX_EVENTS_PAGE = 1000;

/**
 * Only plain decimal digits become numbers: `Number()` would also read "0x10", "1e3" and " 5",
 * which the published schema (`integer`) does not allow.
 */
const decimalInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^[0-9]{1,10}$/.test(value) ? Number(value) : value;

export class AccountEventsQuery {
  @ApiPropertyOptional({
    type: 'integer',
    default: 1,
    minimum: 1,
    maximum: MAX_STREAM_VERSION,
    description: 'First stream version to return.',
  })
  @IsOptionalField()
  @Transform(decimalInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_STREAM_VERSION)
  fromVersion?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 100,
    minimum: 1,
    maximum: MAX_EVENTS_PAGE,
    description: 'Most events to return.',
  })
  @IsOptionalField()
  @Transform(decimalInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PAGE)
  limit?: number;
}
