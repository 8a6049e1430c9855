// 各服务类型待遇享受人数与基金支付 (mart_service_type, scheme all). Beneficiaries by service type
// overlap (one person, several services), so only small cells are hidden here, and the amounts and
// shares of a hidden row with them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SERVICE_TYPES } from '../../contract/index.ts';
import { derived, shown, suppressCells } from '../../suppress.ts';
import { CITY_YEAR, cityNames, publicTable, rows, SUPPRESSION_NOTE, type PublicTable } from './table.ts';

export async function serviceTypes(conn: DuckDBConnection): Promise<PublicTable> {
  const cityName = await cityNames(conn);
  const r = await rows(conn, `
    select city, year, service_type, beneficiaries, fund_amt, fund_share, fund_per_beneficiary_month,
    from mart_service_type
    where scheme = 'all'
    order by city, year, service_type`);
  const cells = suppressCells(r.map((x) => (x.beneficiaries === null || x.beneficiaries === undefined ? 0 : Number(x.beneficiaries))));
  return publicTable({
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
    rows: r.map((x, i) => ({
      city_name: cityName(x.city),
      city: x.city,
      year: x.year,
      service_type: SERVICE_TYPES[String(x.service_type)] ?? String(x.service_type),
      beneficiaries: shown(cells[i]),
      fund_amt: derived(x.fund_amt, cells[i]),
      fund_share: derived(x.fund_share, cells[i]),
      fund_per_beneficiary_month: derived(x.fund_per_beneficiary_month, cells[i]),
    })),
    note: `按服务月份归属年度；同一人可享受多种服务。${SUPPRESSION_NOTE}享受人数被隐藏的服务类型，其基金支付金额、比例和人均值一并隐藏。`,
  });
}
