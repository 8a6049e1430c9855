// Months payable (累计结余可支付月数) and annual labels as a policy maker must read them:
//  - a fund whose balance is negative (or whose status is overdrawn) has no months payable: it is
//    shown as "—（已穿底）", never as a negative number of months;
//  - a year the data does not cover in full (mart_fund_annual.year_complete = false) is labelled
//    with its months ("2027年（1–11月）"), and its months payable is provisional (暂估), since the
//    mart divides by 12 whatever the months covered.

export const OVERDRAWN_TEXT = '—（已穿底）';

export interface PayableInput {
  months_payable?: number | null;
  /** A number, or a DECIMAL string as the report and the public site keep money. */
  balance?: number | string | null;
  status?: string | null;
  provisional?: boolean;
}

export function isOverdrawn({ balance, status }: PayableInput): boolean {
  return status === 'overdrawn' || (balance !== null && balance !== undefined && Number(balance) < 0);
}

/**
 * Months payable as a table cell keeps it (the report, the public site): "—（已穿底）" for an
 * overdrawn fund, else the mart's value as it is (a DECIMAL string), null when there is none.
 */
export function payableCell(months: string | number | null | undefined, p: Pick<PayableInput, 'balance' | 'status'>): string | null {
  if (isOverdrawn(p)) return OVERDRAWN_TEXT;
  return months === null || months === undefined ? null : String(months);
}

/** "8.3个月", "—（已穿底）", "12.4个月（暂估）" or "—" (no expenditure). */
export function payableText(p: PayableInput): string {
  if (isOverdrawn(p)) return OVERDRAWN_TEXT;
  const m = p.months_payable;
  if (m === null || m === undefined || !Number.isFinite(m)) return '—';
  return `${m.toFixed(1)}个月${p.provisional ? '（暂估）' : ''}`;
}

export interface AnnualRow {
  year: number;
  months_payable?: number | null;
  balance_end?: number | null;
  surplus_status?: string | null;
  year_complete?: boolean | null;
  first_month?: string | null;
  last_month?: string | null;
}

/** Months payable of a mart_fund_annual (or mart_city_comparison) row. */
export function annualPayable(row: AnnualRow | null | undefined): string {
  if (!row) return '—';
  return payableText({ months_payable: row.months_payable, balance: row.balance_end, status: row.surplus_status, provisional: row.year_complete === false });
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
