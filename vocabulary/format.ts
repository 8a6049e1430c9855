// Number and date formats: money in 元/万元/亿元, counts in 人/万人, months as 2027年1月.
// Pure functions with no imports and no DOM, so Node and the browser both load them (see index.ts).

export const DASH = '—';

/**
 * Options as an object, never a bare number: Inputs.table calls format(value, rowIndex), and a
 * positional `digits` would take the row index.
 */
export interface Digits { digits?: number }

function missing(x: unknown): x is null | undefined {
  return x === null || x === undefined || (typeof x === 'number' && !Number.isFinite(x));
}

/** "12345.6" → "12,345.6": thousands separators on a fixed-point text, as the tables print it. */
function grouped(fixed: string): string {
  const [int, frac] = fixed.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

/** Scale a number to 亿 / 万 / units with `digits` decimals: 1234567.89 → "123.46万", 12345678.9 → "1,234.57万". */
function scaled(x: number, digits: number): string {
  const abs = Math.abs(x);
  // Decide the unit after rounding, so 99 999 999.999 becomes 1.00亿, not 10000.00万.
  if (Number((abs / 1e4).toFixed(digits)) >= 1e4) return `${grouped((x / 1e8).toFixed(digits))}亿`;
  if (Number(abs.toFixed(digits)) >= 1e4) return `${grouped((x / 1e4).toFixed(digits))}万`;
  return grouped(x.toFixed(digits));
}

/** Money: 1234567.89 → "123.46万元", 2.5e8 → "2.50亿元", 850 → "850.00元", null → "—". */
export function yuan(x: number | null | undefined, { digits = 2 }: Digits = {}): string {
  return missing(x) ? DASH : `${scaled(x, digits)}元`;
}

/**
 * An exact DECIMAL amount as DuckDB prints it, digit by digit (no float on the way): "1234567.8" →
 * "1,234,567.80", "-5" → "-5.00". Throws on anything but a decimal with at most 2 significant decimals.
 */
export function decimalText(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, int, frac = ''] = m;
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) throw new Error(`amount has more than 2 decimals: ${value}`);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${(frac + '00').slice(0, 2)}`;
}

/**
 * An exact DECIMAL amount in 元 as 万元 with 2 decimals, digit by digit (no float; half away from
 * zero), for tables that state 万元 in their header: "13231626.22" → "1,323.16", "-4999.99" → "-0.50".
 */
export function wanText(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, int, frac = ''] = m;
  const cents = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
  const hundredths = (cents + 5000n) / 10000n; // 1/100 万元 = 100 元
  const text = decimalText(`${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`);
  return sign && hundredths > 0n ? `-${text}` : text;
}

/** Money without scaling, with thousands separators: 1234.5 → "1,234.50元" (per-head figures, tables). */
export function yuanExact(x: number | null | undefined): string {
  if (missing(x)) return DASH;
  return `${decimalText(x.toFixed(2))}元`;
}

/** Counts: 12345 → "1.2万人", 8532 → "8,532人"; count(n, {unit: "次"}) for other units. */
export function count(n: number | null | undefined, { unit = '人' }: { unit?: string } = {}): string {
  if (missing(n)) return DASH;
  const abs = Math.abs(n);
  if (Number((abs / 1e4).toFixed(1)) >= 1e4) return `${(n / 1e8).toFixed(1)}亿${unit}`;
  if (abs >= 1e4) return `${(n / 1e4).toFixed(1)}万${unit}`;
  return `${Math.round(n).toLocaleString('en-US')}${unit}`;
}

/** Shares and rates: 0.7 → "70.0%", null → "—". */
export function percent(r: number | null | undefined, { digits = 1 }: Digits = {}): string {
  return missing(r) ? DASH : `${(r * 100).toFixed(digits)}%`;
}

/** A relative change, signed: 0.053 → "+5.3%", -0.1 → "-10.0%". */
export function change(r: number | null | undefined, { digits = 1 }: Digits = {}): string {
  if (missing(r)) return DASH;
  // signed as printed: a change that rounds to zero reads 0.0%, not -0.0% or +0.0%
  const text = (Math.abs(r * 100) < 0.5 * 10 ** -digits ? 0 : r * 100).toFixed(digits);
  return `${Number(text) > 0 ? '+' : ''}${text}%`;
}

/** Months payable (累计结余可支付月数): 6.25 → "6.3个月". */
export function months(m: number | null | undefined): string {
  return missing(m) ? DASH : `${m.toFixed(1)}个月`;
}

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) throw new Error(`not an ISO date: "${iso}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
}

/** A month from an ISO date string (no time zone involved): "2027-01-01" → "2027年1月". */
export function month(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const [y, m] = parts(iso);
  return `${y}年${m}月`;
}

/** A day: "2027-01-31" → "2027年1月31日". */
export function day(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const [y, m, d] = parts(iso);
  return `${y}年${m}月${d}日`;
}

/** Plain number with separators and fixed decimals: 1234.5, {digits: 1} → "1,234.5". */
export function number(x: number | null | undefined, { digits = 0 }: Digits = {}): string {
  if (missing(x)) return DASH;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Axis ticks for yuan: 3e6 → "300万", 2.5e8 → "2.5亿" (short, for charts). */
export function yuanTick(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e8) return `${+(x / 1e8).toFixed(2)}亿`;
  if (abs >= 1e4) return `${+(x / 1e4).toFixed(1)}万`;
  return `${+x.toFixed(2)}`;
}

/** Axis ticks for months: a Date or ISO string → "2027年1月" (UTC date parts, as the loaders emit). */
export function monthTick(d: Date | string): string {
  if (typeof d === 'string') return month(d);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

/**
 * An exact DECIMAL string rounded half away from zero to `digits` decimals after moving the point
 * `shift` places left, digit by digit (BigInt, no float): ("12860.35", 4, 2) → "1.29".
 * A negative value that rounds to zero loses its sign, as wanText's does.
 */
export function decimalRounded(value: string, { shift = 0, digits = 2 }: { shift?: number; digits?: number } = {}): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  const [, sign, int, frac = ''] = m;
  const scale = frac.length;
  const units = BigInt(int + frac); // value × 10^scale
  // keep `digits` decimals of value / 10^shift: divide units by 10^(scale + shift − digits)
  const drop = scale + shift - digits;
  let q: bigint;
  if (drop <= 0) q = units * 10n ** BigInt(-drop);
  else {
    const d = 10n ** BigInt(drop);
    q = units / d;
    if ((units % d) * 2n >= d) q += 1n;
  }
  const text = q.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = sign === '-' && q > 0n;
  return `${negative ? '-' : ''}${whole}${digits ? `.${text.slice(text.length - digits)}` : ''}`;
}

/** An amount in 万元 with its unit, for a sentence (wanText): "1,286.04万元"; null → "—". */
export function wanYuan(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? DASH : `${wanText(String(value))}万元`;
}
