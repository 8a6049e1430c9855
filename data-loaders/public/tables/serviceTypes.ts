// 各服务类型待遇享受人数与基金支付 (mart_service_type, scheme all), newest year first. A count of 1–10
// beneficiaries is hidden, and so is the fund's payment for them; the year's payments over the
// service types add up to (nearly: a year of service against a year of settlement) the year's
// 待遇支出 in the monthly table, so one more payment is hidden where one would give the other away.
// Beneficiaries overlap (one person, several services): their counts add up to no published total.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SERVICE_TYPES } from '../../contract/index.ts';
import { derived, type Disclosure } from '../../suppress.ts';
import { yearBenefitsCell } from './fundMonthly.ts';
import { CITY_YEAR, cents, cityNames, publicTable, publish, rows, SUPPRESSION_NOTE, type PublicTable } from './table.ts';

export async function serviceTypes(conn: DuckDBConnection, d: Disclosure): Promise<() => PublicTable> {
  const cityName = await cityNames(conn);
  const r = await rows(conn, `
    select city, year, service_type, beneficiaries, fund_amt, fund_share, fund_per_beneficiary_month,
    from mart_service_type
    where scheme = 'all'
    order by city, year desc, service_type`);
  const cellOf = (x: Record<string, unknown>, m: string) => `service|${x.city}|${x.year}|${x.service_type}|${m}`;
  const byYear = new Map<string, string[]>();
  for (const x of r) {
    const n = Number(x.beneficiaries ?? 0);
    d.count(cellOf(x, 'beneficiaries'), n);
    // The persons behind the payment are the beneficiaries (a payment with none — reversals only — is still someone's).
    d.amount(cellOf(x, 'fund_amt'), cents(x.fund_amt), n || (cents(x.fund_amt) !== 0 ? 1 : 0));
    const key = `${x.city}|${x.year}`;
    byYear.set(key, [...(byYear.get(key) ?? []), cellOf(x, 'fund_amt')]);
  }
  for (const [key, cells] of byYear) {
    const [city, year] = key.split('|');
    if (d.has(yearBenefitsCell(city, year))) d.sum(yearBenefitsCell(city, year), cells, { approximate: true });
  }
  return () => publicTable({
    name: 'service-types',
    title: '各服务类型待遇享受人数与基金支付',
    columns: [
      ...CITY_YEAR,
      { key: 'service_type', label: '服务类型', kind: 'text' },
      { key: 'beneficiaries', label: '待遇享受人数', kind: 'count' },
      { key: 'fund_amt', label: '基金支付（元）', kind: 'money' },
      { key: 'fund_share', label: '基金支付比例', kind: 'pct' },
      { key: 'fund_per_beneficiary_month', label: '人均月基金支付（元）', kind: 'money' },
    ],
    rows: r.map((x) => {
      const count = d.cell(cellOf(x, 'beneficiaries'));
      const amount = d.cell(cellOf(x, 'fund_amt'));
      return {
        city_name: cityName(x.city),
        city: x.city,
        year: x.year,
        service_type: SERVICE_TYPES[String(x.service_type)] ?? String(x.service_type),
        beneficiaries: publish(count, x.beneficiaries),
        fund_amt: publish(amount, x.fund_amt),
        fund_share: derived(x.fund_share, amount),
        fund_per_beneficiary_month: derived(x.fund_per_beneficiary_month, count, amount),
      };
    }),
    note: `按服务月份归属年度；同一人可享受多种服务。${SUPPRESSION_NOTE}`,
  });
}
