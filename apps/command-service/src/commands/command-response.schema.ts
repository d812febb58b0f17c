import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse, ApiSchema } from '@nestjs/swagger';
import { UUID_SCHEMA } from '../common/uuid';

/** The body of every accepted (or replayed) command, as command-reply.ts writes it. */
@ApiSchema({ name: 'CommandAccepted' })
export class CommandAcceptedSchema {
  @ApiProperty({ ...UUID_SCHEMA, description: 'The account (stream) the command changed.' })
  streamId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The stream version after the command; pass it as If-Match or minVersion.',
  })
  version!: number;

  @ApiProperty({
    type: 'string',
    pattern: '^(?:0|[1-9][0-9]*)$',
    description: 'Global position of the last event appended (a bigint, as a decimal string).',
  })
  position!: string;
}

const ETAG = {
  description: 'The stream version after the command, quoted: send it back as If-Match.',
  required: true,
  schema: { type: 'string', pattern: '^"[0-9]+"$' },
};
const REPLAYED = {
  description: 'Present on a retry with a known Idempotency-Key: this is the first response.',
  schema: { type: 'string', enum: ['true'] },
};

/**
 * The success response of a command (201 unless the command says otherwise, as closing does with
 * 200): its result, its `ETag` and, when `location`, the new account's path.
 */
export function ApiCommandAccepted(
  description: string,
  options: { status?: 200 | 201; location?: boolean } = {},
) {
  return applyDecorators(
    ApiResponse({
      status: options.status ?? 201,
      description,
      type: CommandAcceptedSchema,
      headers: {
        ETag: ETAG,
        'Idempotent-Replayed': REPLAYED,
        ...(options.location
          ? {
              Location: {
                description: 'The account: `/accounts/{accountId}`.',
                required: true,
                schema: { type: 'string' },
              },
            }
          : {}),
      },
    }),
  );
}
