// Fund share (基金支付比例 = fund / eligible) per service type against the ~70 % national guideline (服务类型).
import { Plot } from './vendor.js';
import { percent } from '../vocabulary/format.js';

export interface ShareRow { service_type: string; fund_share: number | null }

export function fundShareChart(rows: ShareRow[], labels: Record<string, string>, guideline: number, { width = 640 } = {}) {
  const shown = rows.filter((d) => d.fund_share !== null).map((d) => ({ ...d, service: labels[d.service_type] ?? d.service_type }));
  return Plot.plot({
    width,
    height: 50 + 34 * Math.max(1, shown.length),
    marginLeft: 130,
    marginRight: 50,
    x: { label: '基金支付比例', domain: [0, 1], grid: true, tickFormat: (r: number) => percent(r, { digits: 0 }) },
    y: { label: null },
    marks: [
      Plot.barX(shown, { y: 'service', x: 'fund_share', fill: (d: ShareRow) => (Math.abs((d.fund_share as number) - guideline) > 0.1 ? '#efb118' : '#4269d0'), sort: { y: '-x' } }),
      Plot.text(shown, { y: 'service', x: 'fund_share', text: (d: ShareRow) => percent(d.fund_share), dx: 4, textAnchor: 'start', fontSize: 11 }),
      Plot.ruleX([guideline], { stroke: '#e4572e', strokeDasharray: '4,3', strokeWidth: 1.5 }),
      Plot.text([guideline], { x: (g: number) => g, text: () => `全国指导 约${percent(guideline, { digits: 0 })}`, frameAnchor: 'top', dy: -12, fill: '#e4572e', fontSize: 11 }),
    ],
  });
}
