/** A DTO class for the `data` part of one event type at one schema version. */
export type DataClass<T extends object = object> = new () => T;

/** Turns data of one schema version into the next. Pure: no clock, no ids, no I/O, no mutation. */
export type Upcaster<TFrom extends object, TTo extends object> = (data: Readonly<TFrom>) => TTo;

/** One schema version of an event type, with its data type erased for the runtime registry. */
export interface SchemaVersion {
  readonly schemaVersion: number;
  readonly dataClass: DataClass;
  /** Turns valid data of this version into data of the next; absent on the latest version. */
  readonly upcastToNext?: Upcaster<object, object>;
}

/**
 * Every schema version of one event type, oldest first, each but the latest with an upcaster to
 * the next. Built with `defineEvent(...).evolvedTo(...)` so each upcaster is type-checked against
 * the two classes it connects.
 */
export class EventDefinition<TType extends string = string, TLatest extends object = object> {
  private constructor(
    /** Stable wire name, e.g. `account.opened`. */
    readonly type: TType,
    readonly versions: readonly SchemaVersion[],
    /** The shape producers write and `decode` returns. Also carries `TLatest` for type inference. */
    readonly latestDataClass: DataClass<TLatest>,
  ) {}

  /** An event type whose first shape (schema version 1) is `dataClass`. */
  static first<TType extends string, TData extends object>(
    type: TType,
    dataClass: DataClass<TData>,
  ): EventDefinition<TType, TData> {
    return new EventDefinition(type, [{ schemaVersion: 1, dataClass }], dataClass);
  }

  get latestSchemaVersion(): number {
    return this.versions.length;
  }

  /**
   * Adds schema version `schemaVersion` (which must be the next one; the number is spelled out so
   * definitions read like the version folders) and the upcaster that reaches it from the previous.
   */
  evolvedTo<TNext extends object>(
    schemaVersion: number,
    dataClass: DataClass<TNext>,
    upcaster: Upcaster<TLatest, TNext>,
  ): EventDefinition<TType, TNext> {
    const previous = this.versions[this.versions.length - 1];
    if (previous === undefined || schemaVersion !== previous.schemaVersion + 1) {
      // A programming error in a definition file, caught by the registry tests at import time.
      throw new Error(
        `${this.type}: schema version ${schemaVersion} must follow ${this.latestSchemaVersion}`,
      );
    }
    const versions: SchemaVersion[] = [
      ...this.versions.slice(0, -1),
      { ...previous, upcastToNext: eraseDataTypes(upcaster) },
      { schemaVersion, dataClass },
    ];
    return new EventDefinition(this.type, versions, dataClass);
  }

  /** The definition of `schemaVersion`, or undefined when this library does not know it. */
  version(schemaVersion: number): SchemaVersion | undefined {
    return this.versions[schemaVersion - 1];
  }
}

export function defineEvent<TType extends string, TData extends object>(
  type: TType,
  firstVersion: DataClass<TData>,
): EventDefinition<TType, TData> {
  return EventDefinition.first(type, firstVersion);
}

/**
 * The runtime registry holds upcasters of many shapes in one list. Erasing their parameter type is
 * sound because `decode` only calls an upcaster with data it has just validated against the class
 * the upcaster was type-checked with in `evolvedTo`.
 */
function eraseDataTypes<TFrom extends object, TTo extends object>(
  upcaster: Upcaster<TFrom, TTo>,
): Upcaster<object, object> {
  return upcaster as unknown as Upcaster<object, object>;
}

/** `{ [type]: latest data }` for a union of definitions. */
export type LatestDataMapOf<TDefinition extends EventDefinition> = {
  [K in TDefinition['type']]: Extract<
    TDefinition,
    { type: K }
  >['latestDataClass'] extends DataClass<infer TData>
    ? TData
    : never;
};
