import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsOptionalField } from './optional-field';

/**
 * What a command accepts as an id, as a JSON Schema pattern: an RFC 9562 UUID of versions 1–8, the
 * nil or the max UUID, either case - the set Nest's ParseUUIDPipe and class-validator's IsUUID
 * accept. Commands may be stricter than recorded events (libs/contracts wire-formats.ts).
 */
export const UUID_PATTERN =
  '^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}' +
  '|00000000-0000-0000-0000-000000000000|[fF]{8}-[fF]{4}-[fF]{4}-[fF]{4}-[fF]{12})$';

export const UUID = new RegExp(UUID_PATTERN);

/** The OpenAPI schema of a UUID: the format for readers, the pattern for exactness. */
export const UUID_SCHEMA = { type: 'string', format: 'uuid', pattern: UUID_PATTERN } as const;

/** An optional UUID body field. */
export function OptionalUuidField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ ...UUID_SCHEMA, description }),
    IsOptionalField(),
    Matches(UUID, { message: '$property must be a UUID' }),
  );
}
