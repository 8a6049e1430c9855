// Months payable (累计结余可支付月数) and annual labels as a policy maker must read them:
//  - a balance that is not known (the fund is older than the data and no opening balance was
//    delivered, mart balance_known = false) reads "期初结余未提供";
//  - a fund whose balance is negative has no months payable: it is shown as "—（累计结余穿底）",
//    never as a negative number of months;
//  - a year the data does not cover in full (mart_fund_annual.year_complete = false) is labelled
//    with its months ("2027年（1–11月）"); its months payable divides by the months that had
//    expenditure (the mart's), and too few of them get no status (mart status_note).

export const OVERDRAWN_TEXT = '—（累计结余穿底）';
export const UNKNOWN_BALANCE_TEXT = '期初结余未提供';

export interface PayableInput {
  months_payable?: number | null;
  /** A number, or a DECIMAL string as the report and the public site keep money. */
  balance?: number | string | null;
  status?: string | null;
  /** false when the balance is not known (mart balance_known). */
  known?: boolean | null;
}

/** The row's own balance is below zero (a single-account scheme row may carry its account's status). */
export function isOverdrawn({ balance }: PayableInput): boolean {
  return balance !== null && balance !== undefined && Number(balance) < 0;
}

/**
 * Months payable as a table cell keeps it (the report, the public site): "期初结余未提供" for a
 * balance not known, "—（累计结余穿底）" for a balance below zero, else the mart's value as it is
 * (a DECIMAL string), null when there is none.
 */
export function payableCell(months: string | number | null | undefined, p: Pick<PayableInput, 'balance' | 'known'>): string | null {
  if (p.known === false) return UNKNOWN_BALANCE_TEXT;
  if (isOverdrawn(p)) return OVERDRAWN_TEXT;
  return months === null || months === undefined ? null : String(months);
}

/** "8.3个月", "—（累计结余穿底）", "期初结余未提供" or "—" (no expenditure). */
export function payableText(p: PayableInput): string {
  if (p.known === false) return UNKNOWN_BALANCE_TEXT;
  if (isOverdrawn(p)) return OVERDRAWN_TEXT;
  const m = p.months_payable;
  if (m === null || m === undefined || !Number.isFinite(m)) return '—';
  return `${m.toFixed(1)}个月`;
}

export interface AnnualRow {
  year: number;
  months_payable?: number | null;
  balance_end?: number | null;
  surplus_status?: string | null;
  year_complete?: boolean | null;
  first_month?: string | null;
  last_month?: string | null;
  balance_known?: boolean | null;
}

/** Months payable of a mart_fund_annual (or mart_city_comparison) row. */
export function annualPayable(row: AnnualRow | null | undefined): string {
  if (!row) return '—';
  return payableText({ months_payable: row.months_payable, balance: row.balance_end, status: row.surplus_status, known: row.balance_known });
}

/** "2027年", or "2027年（1–11月）" for a part year (first and last month of the year in the data). */
export function yearLabel(row: AnnualRow | { year: number } | null | undefined, year?: number): string {
  const y = row?.year ?? year;
  if (y === undefined) return '—';
  const r = row as AnnualRow | null | undefined;
  if (!r || r.year_complete !== false || !r.first_month || !r.last_month) return `${y}年`;
  const m1 = Number(r.first_month.slice(5, 7));
  const m2 = Number(r.last_month.slice(5, 7));
  return `${y}年（${m1 === m2 ? `${m1}月` : `${m1}–${m2}月`}）`;
}
