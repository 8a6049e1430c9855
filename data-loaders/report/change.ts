// Whether the report prints a change (环比, 同比, 比上年): the marts compute (this − base) / |base|
// wherever the base is not zero; the report prints it only where it says something. Not on a base
// below zero (a deficit a year ago), not when this period is below zero, and not on a base smaller
// than config/report.json's `min_base_share` of this period (a month after the annual collection:
// +17 000 %). The cell then reads — and the table's note says why (changeNote).
// Decided exactly on the DECIMAL strings (BigInt), never on floats.
import { decimalRounded } from '../../vocabulary/index.ts';
import { reportConfig } from './reportConfig.ts';

export type ChangeWhy = 'no_base' | 'zero_base' | 'negative_base' | 'negative_now' | 'small_base';

/** A DECIMAL string (or integer) as a BigInt at `scale` decimals. */
function scaled(v: string, scale: number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(v.trim());
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(v)}`);
  const frac = (m[3] ?? '').padEnd(scale, '0');
  if (frac.length > scale) throw new Error(`more than ${scale} decimals: ${v}`);
  const n = BigInt(m[2] + frac);
  return m[1] === '-' ? -n : n;
}

const decimals = (v: string) => (v.split('.')[1] ?? '').length;

/** Why a change is not printed, or null when it is. `base` and `now` as the mart gives them. */
export function changeWhy(base: unknown, now: unknown, minBaseShare = reportConfig().change.min_base_share): ChangeWhy | null {
  if (base === null || base === undefined || now === null || now === undefined) return 'no_base';
  const b = String(base);
  const n = String(now);
  const scale = Math.max(decimals(b), decimals(n), decimals(minBaseShare));
  const bs = scaled(b, scale);
  const ns = scaled(n, scale);
  if (bs === 0n) return 'zero_base';
  if (bs < 0n) return 'negative_base';
  if (ns < 0n) return 'negative_now';
  // base < share × now, all at `scale` decimals: base × 10^scale < share × now
  if (bs * 10n ** BigInt(scale) < scaled(minBaseShare, scale) * ns) return 'small_base';
  return null;
}

/** The mart's change when it is printed, else null with the reason: spread into a row as `key` and `key__why`. */
export function shownChange(key: string, pct: unknown, base: unknown, now: unknown): Record<string, unknown> {
  const why = changeWhy(base, now);
  return { [key]: why ? null : pct, [`${key}__why`]: why };
}

/** A reason in words, with the base named: ("negative_base", "上月") → "上月为负". */
export function changeWhyText(why: ChangeWhy, base: string): string {
  switch (why) {
    case 'no_base': return `${base}无数据`;
    case 'zero_base': return `${base}为零`;
    case 'negative_base': return `${base}为负`;
    case 'negative_now': return '本期为负';
    case 'small_base': return `${base}基数过小`;
  }
}

/**
 * The sentence a table's note adds for the changes it does not print: every reason but a zero or
 * missing base (which the note's general sentence covers), item by item.
 * `columns`: the change column's key and the name of its base ("环比", "上月").
 */
export function changeNote(rows: Record<string, unknown>[], labelKey: string, columns: [key: string, name: string, base: string][]): string {
  const parts: string[] = [];
  for (const [key, name, base] of columns) {
    const items = rows
      .filter((r) => r[`${key}__why`] && !['no_base', 'zero_base'].includes(String(r[`${key}__why`])))
      .map((r) => `${r[labelKey]}（${changeWhyText(r[`${key}__why`] as ChangeWhy, base)}）`);
    if (items.length) parts.push(`${name}未计算：${items.join('、')}`);
  }
  if (!parts.length) return '';
  return `${parts.join('；')}。${reportConfig().change.why_zh.split('。')[0]}。`;
}

/** The rule in one sentence, for the notes: "上期为零、为负或不足本期的10%（基数过小），以及本期为负时，…". */
export function changeRuleText(minBaseShare = reportConfig().change.min_base_share): string {
  const pct = decimalRounded(minBaseShare, { shift: -2, digits: 0 });
  return `上期为零、无数据、为负或不足本期的${pct}%（基数过小），以及本期为负时，不计算增减幅度，记为“—”`;
}
