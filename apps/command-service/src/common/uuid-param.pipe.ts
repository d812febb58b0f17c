import { ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from '@ledgerline/platform';

/** Route ids are UUIDs; anything else is a 400 naming the parameter, not a 404 or a 500. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      ProblemException.badRequest(`${name} must be a UUID.`, [
        { field: name, message: 'must be a UUID' },
      ]),
  });
