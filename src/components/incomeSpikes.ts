// The months whose fund income towers over the rest (基金收支, 总览): contributions collected once a
// year land in the month they are paid (缴费计入缴费月份), so one month holds most of the year's
// income and its chart spikes. The charts annotate those months so the spike explains itself. The
// ratio lives in config/site.json (`income_spike_ratio`).

export interface IncomeMonth { month: string; income_total: number | null }

/** Months (ISO) whose income is at least `ratio` times the mean of the other months shown (3 months at least). */
export function incomeSpikes(rows: readonly IncomeMonth[], ratio: number): string[] {
  if (rows.length < 3 || !(ratio > 1)) return [];
  const total = rows.reduce((s, d) => s + Math.max(0, Number(d.income_total ?? 0)), 0);
  return rows
    .filter((d) => {
      const x = Number(d.income_total ?? 0);
      const others = (total - Math.max(0, x)) / (rows.length - 1);
      return x > 0 && x >= ratio * others;
    })
    .map((d) => d.month);
}

/** The words under a chart with a spike: which month, and why. */
export function incomeSpikeNote(months: readonly string[], monthText: (m: string) => string): string {
  if (!months.length) return '';
  return `${months.map(monthText).join('、')}收入集中：参保缴费按年度征收，计入缴费月份（年度集中缴费），其余月份收入较少。`;
}
