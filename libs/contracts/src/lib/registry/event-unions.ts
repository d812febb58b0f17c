import type { EventEnvelope } from '../envelope';

/** `{ type, data }` for each entry of a `type → data` map, as a union discriminated by `type`. */
export type EventDataUnionOf<TMap> = {
  [K in keyof TMap & string]: { type: K; data: TMap[K] };
}[keyof TMap & string];

/** An envelope for each entry of a `type → data` map, as a union discriminated by `type`. */
export type EnvelopeUnionOf<TMap> = {
  [K in keyof TMap & string]: EventEnvelope<K, TMap[K]>;
}[keyof TMap & string];
