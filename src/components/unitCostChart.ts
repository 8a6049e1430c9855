// Unit cost: fund payment per beneficiary-month (人月均基金支付) per service type (服务类型).
import { Plot } from './vendor.js';
import { yuanExact } from '../vocabulary/format.js';

export interface UnitRow { service_type: string; fund_per_beneficiary_month: number | null }

export function unitCostChart(rows: UnitRow[], labels: Record<string, string>, { width = 640 } = {}) {
  const shown = rows.filter((d) => d.fund_per_beneficiary_month !== null).map((d) => ({ ...d, service: labels[d.service_type] ?? d.service_type }));
  return Plot.plot({
    width,
    height: 50 + 34 * Math.max(1, shown.length),
    marginLeft: 130,
    marginRight: 90,
    x: { label: '元/人月', grid: true },
    y: { label: null },
    marks: [
      Plot.barX(shown, { y: 'service', x: 'fund_per_beneficiary_month', fill: '#3ca951', sort: { y: '-x' } }),
      Plot.text(shown, { y: 'service', x: 'fund_per_beneficiary_month', text: (d: UnitRow) => yuanExact(d.fund_per_beneficiary_month), dx: 4, textAnchor: 'start', fontSize: 11 }),
      Plot.ruleX([0]),
    ],
  });
}
