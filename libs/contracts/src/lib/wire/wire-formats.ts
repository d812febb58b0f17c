/**
 * Wire formats of event fields, each defined once as a regular expression. The same expression
 * validates at runtime (class-validator `Matches`) and becomes the `pattern` of the generated JSON
 * Schema, so the code and the published schemas cannot disagree.
 *
 * They are ours rather than a library's (`IsUUID`, `IsISO4217CurrencyCode`) on purpose: a stored
 * event is a fact, and a dependency upgrade that changes its idea of a valid UUID or withdraws a
 * currency from its list must not make recorded facts undecodable. Commands may be stricter.
 *
 * No flags: JSON Schema patterns have none, so case-insensitivity is spelled out.
 */

/** Any RFC 9562 textual UUID (all versions, nil and max), either case. */
export const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Integer minor units > 0 without leading zeros: amounts moved by a deposit or withdrawal. */
export const POSITIVE_MINOR_UNITS_PATTERN = /^[1-9][0-9]*$/;

/** Integer minor units ≥ 0 without leading zeros: limits. */
export const NON_NEGATIVE_MINOR_UNITS_PATTERN = /^(0|[1-9][0-9]*)$/;

/** Integer minor units of either sign (no "-0"): balances, which overdrafts make negative. */
export const SIGNED_MINOR_UNITS_PATTERN = /^(0|-?[1-9][0-9]*)$/;

/**
 * Three uppercase letters, the one currency shape of libs/money that the REST validation and the
 * domain use too. Deliberately not checked against the ISO 4217 list: see above, the list changes
 * (HRK was withdrawn in 2023) while recorded facts do not. A change of the shape changes the
 * published event schemas, which the catalogue gate of libs/contracts refuses.
 */
export { CURRENCY_CODE_PATTERN } from '@ledgerline/money';

/** A bigint global position as an unsigned decimal string without leading zeros. */
export const GLOBAL_POSITION_PATTERN = /^(0|[1-9][0-9]*)$/;

/**
 * An RFC 3339 instant: full date, time and an explicit offset, so the meaning never depends on the
 * reader's time zone. Calendar validity (no 30 February) is checked separately by `IsISO8601`.
 */
export const INSTANT_PATTERN =
  /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$/;
