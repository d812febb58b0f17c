import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
} from '@nestjs/swagger';
import { FieldErrorSchema, ProblemDetailsSchema } from '@ledgerline/platform';
import { RATE_LIMITED_RESPONSE } from './common/api-problems';

const DESCRIPTION = `Commands of the Ledgerline bank ledger.

Every error is an RFC 9457 Problem Details body (\`application/problem+json\`) whose \`type\` a client
can switch on; each operation lists the ones it can answer with. A method a path does not take is a
405 with \`Allow\`. Money is a decimal string with at most two fraction digits, never a JSON number.`;

/** The OpenAPI document of the running app: what /docs shows and /docs-json serves. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ledgerline command-service')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ProblemDetailsSchema, FieldErrorSchema] },
  );
  declareRateLimit(document);
  closeRequestBodies(document);
  return document;
}

/** OpenAPI UI at /docs and the document at /docs-json. */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item) =>
    [item.get, item.put, item.post, item.delete, item.patch, item.head, item.options].filter(
      (operation): operation is OperationObject => operation !== undefined,
    ),
  );
}

/** The throttler is a global guard (app.module.ts): any operation may be answered 429. */
function declareRateLimit(document: OpenAPIObject): void {
  for (const operation of operationsOf(document))
    operation.responses['429'] ??= RATE_LIMITED_RESPONSE;
}

/**
 * The global validation pipe refuses unknown fields (strictValidationPipe), so every request body
 * schema is closed: a generated client or fuzzer must not expect extra members to pass.
 */
function closeRequestBodies(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const { requestBody } of operationsOf(document)) {
    const content = requestBody && 'content' in requestBody ? requestBody.content : {};
    const ref = content['application/json']?.schema;
    const name = ref && '$ref' in ref ? ref.$ref.split('/').pop() : undefined;
    const schema = name ? schemas[name] : undefined;
    if (schema && !('$ref' in schema)) schema.additionalProperties = false;
  }
}
