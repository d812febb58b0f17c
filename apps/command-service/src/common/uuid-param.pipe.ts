import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ProblemException } from '@ledgerline/platform';
import { UUID, UUID_SCHEMA } from './uuid';

/** Route ids are UUIDs; anything else is a 400 naming the parameter, not a 404 or a 500. */
export const uuidParam = (name: string): PipeTransform<unknown, string> => ({
  transform(value: unknown): string {
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw ProblemException.badRequest(`${name} must be a UUID.`, [
      { field: name, message: 'must be a UUID' },
    ]);
  },
});

/** Documents a UUID path parameter with the pattern `uuidParam` checks. */
export const ApiUuidParam = (name: string, description: string) =>
  applyDecorators(ApiParam({ name, description, schema: UUID_SCHEMA }));
