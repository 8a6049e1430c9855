// Whether a report month's figures are provisional (初步数) or final (终结数).
import type { MonthStatus } from './types.ts';

/**
 * A month's figures are provisional (初步数) while settlements for it may still arrive: settlements
 * for a service month are settled up to SETTLEMENT_LAG_MONTHS later, and the latest delivered month
 * may be only partly delivered. So a month is provisional when it is the city's latest settlement
 * month (the month of its latest settled_date), one of the SETTLEMENT_LAG_MONTHS before it, or any
 * month after it; older months are final (终结数). See docs/report.md.
 */
export const SETTLEMENT_LAG_MONTHS = 2;

/** Provisional or final: `asOfMonth` is the month of the city's latest settlement (YYYY-MM). */
export function monthStatus(month: string, asOfMonth: string, lag = SETTLEMENT_LAG_MONTHS): MonthStatus {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return index(asOfMonth) - index(month) <= lag ? 'provisional' : 'final';
}
