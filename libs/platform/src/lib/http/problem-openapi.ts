import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
  type HeadersObject,
  type ResponseObject,
} from '@nestjs/swagger';

/** The media type every Problem Details body is sent with (problem-details.filter.ts). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({ description: 'The offending field or header, e.g. `amount`, `If-Match`.' })
  field!: string;

  @ApiProperty()
  message!: string;
}

/** OpenAPI form of `ProblemDetails` (problem.ts). Extension members are allowed. */
@ApiSchema({
  name: 'ProblemDetails',
  description:
    'RFC 9457 Problem Details. Switch on `type`; business refusals add their own members ' +
    '(e.g. `requested`, `available`), a 412 adds `currentVersion`.',
})
export class ProblemDetailsSchema {
  @ApiProperty({
    description: 'A stable URI reference naming the problem.',
    example: '/problems/validation',
  })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'The request has invalid fields.' })
  detail?: string;

  @ApiPropertyOptional({ description: 'The request path.', example: '/accounts' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'One entry per invalid field.' })
  errors?: FieldErrorSchema[];
}

export interface ProblemResponseOptions {
  description: string;
  /** The `type` URIs this response may carry; the schema allows only these. */
  types: readonly string[];
  headers?: HeadersObject;
}

/**
 * An error response: a Problem Details body whose `status` is this status and whose `type` is one
 * of `types`, so a generated client knows every refusal it must handle. For documents built or
 * amended by hand; controllers use `ApiProblemResponse`. The document needs `ProblemDetailsSchema`
 * and `FieldErrorSchema` among its models (`extraModels`).
 */
export function problemResponse(
  status: number,
  { description, types, headers }: ProblemResponseOptions,
): ResponseObject {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema: {
          allOf: [
            { $ref: getSchemaPath(ProblemDetailsSchema) },
            {
              type: 'object',
              properties: {
                type: { type: 'string', enum: [...types] },
                status: { type: 'integer', enum: [status] },
              },
            },
          ],
        },
      },
    },
  };
}

/** Declares an error response of an operation (see `problemResponse`). */
export function ApiProblemResponse(
  status: number,
  options: ProblemResponseOptions,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsSchema, FieldErrorSchema),
    ApiResponse({ status, ...problemResponse(status, options) }),
  );
}
