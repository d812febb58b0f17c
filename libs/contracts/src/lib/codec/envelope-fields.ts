import { IsInt, IsObject, IsString, Max, Min, MinLength } from 'class-validator';
import type { EventEnvelope } from '../envelope';
import { IsGlobalPosition, IsInstant, IsUuid } from '../wire/wire-decorators';

/**
 * The envelope's fields as a validated class: `decode` checks a raw envelope against it, and the
 * JSON Schema generator derives each schema's envelope part from it. Integers stop at
 * Number.MAX_SAFE_INTEGER because beyond it JSON numbers silently lose precision in JavaScript.
 */
export class EnvelopeFields implements EventEnvelope<string, object> {
  @IsUuid()
  eventId!: string;

  @IsString()
  @MinLength(1)
  type!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  schemaVersion!: number;

  @IsString()
  @MinLength(1)
  streamId!: string;

  @IsString()
  @MinLength(1)
  streamType!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  streamVersion!: number;

  @IsGlobalPosition()
  position!: string;

  @IsString()
  @MinLength(1)
  tenantId!: string;

  @IsInstant()
  occurredAt!: string;

  @IsString()
  @MinLength(1)
  correlationId!: string;

  @IsString()
  @MinLength(1)
  causationId!: string;

  @IsObject()
  data!: object;
}
