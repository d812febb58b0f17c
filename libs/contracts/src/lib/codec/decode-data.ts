import type { FieldViolation } from './decode-result';
import { describeError } from './describe';
import { validateFields } from './validate-fields';
import type { EventDefinition } from '../registry/event-definition';

export type DataDecoding =
  { ok: true; data: object } | { ok: false; message: string; details?: readonly FieldViolation[] };

/**
 * Brings recorded data up to the latest shape of its event type. Each version is validated before
 * its upcaster runs, so upcasters only ever see data of the shape they were written for, and the
 * latest is validated last, so an upcaster's bug surfaces here rather than in a consumer.
 */
export function decodeData(
  definition: EventDefinition,
  recordedVersion: number,
  rawData: Record<string, unknown>,
): DataDecoding {
  let data = rawData;
  for (let current = recordedVersion; ; current += 1) {
    const version = definition.version(current);
    if (version === undefined) {
      // Unreachable while versions are contiguous; guards against an inconsistent definition.
      return { ok: false, message: `${definition.type} has no schema version ${current}` };
    }
    const validation = validateFields(version.dataClass, data, {
      forbidUnknown: true,
      path: 'data',
    });
    if (!validation.ok) {
      const upcast = current === recordedVersion ? '' : ` (upcast from v${recordedVersion})`;
      return {
        ok: false,
        message: `data does not match ${definition.type} v${current}${upcast}`,
        details: validation.violations,
      };
    }
    if (version.upcastToNext === undefined) {
      return { ok: true, data: validation.value };
    }
    try {
      data = { ...version.upcastToNext(validation.value) };
    } catch (error: unknown) {
      return {
        ok: false,
        message: `upcasting ${definition.type} v${current} failed: ${describeError(error)}`,
      };
    }
  }
}
