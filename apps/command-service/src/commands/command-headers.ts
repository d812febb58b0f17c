import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/**
 * The request headers of commands, as JSON Schema patterns: command-context.decorator.ts checks
 * them and the OpenAPI document publishes them, from these constants.
 */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 100;
/** Visible ASCII only: the key is stored and compared byte for byte. */
export const IDEMPOTENCY_KEY_PATTERN = `^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`;

/** `"3"`, `3` or `W/"3"`: the stream version a client last saw (our ETag), at most 9 digits. */
export const IF_MATCH_PATTERN = '^(?:W/)?"?([0-9]{1,9})"?$';

/** Declares `Idempotency-Key` and `If-Match` on a command operation. */
export function ApiCommandHeaders(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes the command safe to retry: a retry with the same key and body gets the first ' +
        'response back (header `Idempotent-Replayed: true`) and appends nothing; the same key ' +
        'with another body is a 422.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: IDEMPOTENCY_KEY_MAX_LENGTH,
        pattern: IDEMPOTENCY_KEY_PATTERN,
      },
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'Act only if the stream is at this version (the `ETag` of the last response), else 412.',
      schema: { type: 'string', pattern: IF_MATCH_PATTERN, example: '"3"' },
    }),
  );
}
