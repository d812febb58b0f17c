import { getMetadataStorage } from 'class-validator';
import type { DataClass } from '../registry/event-definition';

/**
 * The validated properties of a class, in declaration order: the class's whole wire shape, since
 * every wire property carries at least one validator. Used to reject unknown keys, to emit fields in
 * a canonical order and to generate JSON Schemas.
 */
export function classProperties(dataClass: DataClass): readonly string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dataClass, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}
