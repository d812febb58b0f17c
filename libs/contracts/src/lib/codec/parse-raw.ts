import { describeError } from './describe';

export type ParsedRaw = { ok: true; value: unknown } | { ok: false; message: string };

// fatal: invalid UTF-8 is malformed input, not text to repair with U+FFFD and parse anyway.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns what a transport hands over into a JSON value: a Buffer / Uint8Array (Kafka message value)
 * or a string is parsed; anything else is taken as an already-parsed value (e.g. a REST body).
 */
export function parseRaw(raw: unknown): ParsedRaw {
  if (typeof raw === 'string') {
    return parseJson(() => raw);
  }
  if (raw instanceof Uint8Array) {
    return parseJson(() => utf8.decode(raw));
  }
  return { ok: true, value: raw };
}

function parseJson(text: () => string): ParsedRaw {
  try {
    return { ok: true, value: JSON.parse(text()) };
  } catch (error: unknown) {
    return { ok: false, message: `not valid UTF-8 JSON: ${describeError(error)}` };
  }
}
