// Resident IDs never reach a message in clear: any 18-character ID (6-digit area, a birth date
// 18xx–20xx, 3 digits, a check character) or 15-digit first-generation ID (area, YYMMDD, 3 digits)
// standing alone in a text is replaced. Used on every message the CLI prints and, as SQL, on
// rejected values the warehouse keeps (load_rejects.message and .raw).

const MM = '(?:0[1-9]|1[0-2])';
const DD = '(?:0[1-9]|[12]\\d|3[01])';
/** An 18-character resident ID: area, birth date, sequence, check character (x in either case). */
export const RESIDENT_ID_18 = `[1-9]\\d{5}(?:18|19|20)\\d{2}${MM}${DD}\\d{3}[\\dXx]`;
/** An 18- or 15-character resident ID (no boundaries). */
export const RESIDENT_ID_PATTERN = `${RESIDENT_ID_18}|[1-9]\\d{7}${MM}${DD}\\d{3}`;
/** What a masked ID reads as. */
export const MASKED_ID = '[证件号码已隐去]';

const JS_ID = new RegExp(`(?<![0-9])(?:${RESIDENT_ID_PATTERN})(?![0-9])`, 'g');

/** `text` with every resident ID replaced by MASKED_ID. */
export function maskIds(text: string): string {
  return text.replace(JS_ID, MASKED_ID);
}

/**
 * The same masking as a DuckDB expression over `expr` (RE2 has no look-around: the characters
 * either side are matched and put back; two IDs one character apart leave the second unmasked).
 */
export function maskIdsSql(expr: string): string {
  return `regexp_replace(${expr}, '(^|[^0-9])(?:${RESIDENT_ID_PATTERN})([^0-9]|$)', '\\1${MASKED_ID}\\2', 'g')`;
}
