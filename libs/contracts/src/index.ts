export * from './lib/envelope';
export * from './lib/topics';

// Account stream: wire names, latest data shapes, frozen old shapes and their upcasters.
export * from './lib/account/account-event-types';
export * from './lib/account/account-opened';
export * from './lib/account/money-deposited';
export * from './lib/account/money-withdrawn';
export * from './lib/account/account-closed';
export * from './lib/account/v1/account-opened.v1';
export * from './lib/account/v1/account-opened.v1-to-v2';
export * from './lib/account/account-events';
export { OWNER_ID_MAX_LENGTH } from './lib/account/owner-id';
export { REFERENCE_MAX_LENGTH } from './lib/account/reference';

// Registry of (type, schema version) → class, and the types derived from it.
export * from './lib/registry/event-definition';
export * from './lib/registry/event-registry';
export * from './lib/registry/event-unions';

// Reading and writing envelopes.
export * from './lib/codec/decode-result';
export { decode } from './lib/codec/decode';
export { encode, InvalidEventError } from './lib/codec/encode';
export { upcastTrusted } from './lib/codec/upcast-trusted';
export * from './lib/codec/validate-event-data';

// JSON Schemas of every (type, schema version), as published under libs/contracts/schemas/.
export type { JsonSchema, JsonSchemaType } from './lib/json-schema/json-schema';
export * from './lib/json-schema/event-json-schemas';
