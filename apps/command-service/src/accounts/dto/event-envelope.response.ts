import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  ACCOUNT_CLOSED,
  ACCOUNT_MONEY_DEPOSITED,
  ACCOUNT_MONEY_WITHDRAWN,
  ACCOUNT_OPENED,
} from '@ledgerline/contracts';
import { UUID_SCHEMA } from '../../common/uuid';

/** OpenAPI form of `EventEnvelope` (libs/contracts envelope.ts) as the auditor feed returns it. */
@ApiSchema({ name: 'EventEnvelope' })
export class EventEnvelopeResponse {
  @ApiProperty({ ...UUID_SCHEMA })
  eventId!: string;

  @ApiProperty({
    type: 'string',
    enum: [ACCOUNT_OPENED, ACCOUNT_MONEY_DEPOSITED, ACCOUNT_MONEY_WITHDRAWN, ACCOUNT_CLOSED],
  })
  type!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Version of the shape of `data`.' })
  schemaVersion!: number;

  @ApiProperty({ ...UUID_SCHEMA })
  streamId!: string;

  @ApiProperty({ type: 'string', example: 'account' })
  streamType!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  streamVersion!: number;

  @ApiProperty({ type: 'string', pattern: '^(?:0|[1-9][0-9]*)$' })
  position!: string;

  @ApiProperty({ type: 'string' })
  tenantId!: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: 'string' })
  correlationId!: string;

  @ApiProperty({ type: 'string' })
  causationId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The event data, in the shape of (`type`, `schemaVersion`): see libs/contracts/schemas.',
  })
  data!: Record<string, unknown>;
}
