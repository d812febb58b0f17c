declare const brand: unique symbol;

/** A nominal type: `Brand<string, 'StreamId'>` is not assignable from a plain string. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
