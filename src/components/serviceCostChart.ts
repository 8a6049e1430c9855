// Costs per service type: fund payment and personal burden stacked, per service type (服务类型).
import { Plot } from './vendor.js';
import { yuan, yuanTick } from '../vocabulary/format.js';

export interface ServiceRow { service_type: string; fund_amt: number; personal_amt: number; total_amt: number }

export function serviceCostChart(rows: ServiceRow[], labels: Record<string, string>, { width = 640 } = {}) {
  const order = [...rows].sort((a, b) => b.total_amt - a.total_amt).map((d) => labels[d.service_type] ?? d.service_type);
  const long = rows.flatMap((d) => [
    { service: labels[d.service_type] ?? d.service_type, part: '基金支付', value: d.fund_amt },
    { service: labels[d.service_type] ?? d.service_type, part: '个人负担', value: d.personal_amt },
  ]);
  return Plot.plot({
    width,
    height: 50 + 34 * Math.max(1, rows.length),
    marginLeft: 130,
    x: { label: '元', grid: true, tickFormat: yuanTick },
    y: { label: null, domain: order },
    color: { domain: ['基金支付', '个人负担'], range: ['#4269d0', '#efb118'], legend: true },
    marks: [
      Plot.barX(long, { y: 'service', x: 'value', fill: 'part', order: ['基金支付', '个人负担'] }),
      Plot.ruleX([0]),
      Plot.tip(long, Plot.pointerY(Plot.stackX({ y: 'service', x: 'value', fill: 'part', order: ['基金支付', '个人负担'], title: (d: { service: string; part: string; value: number }) => `${d.service}\n${d.part} ${yuan(d.value)}` }))),
    ],
  });
}
