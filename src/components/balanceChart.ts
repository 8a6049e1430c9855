// Cumulative balance (line) and the month's net (bars), one band per month (总览, 基金收支).
import { Plot } from './vendor.js';
import { month, yuan, yuanTick } from '../vocabulary/format.js';

export interface BalanceMonth { month: string; net: number; cumulative_balance: number }

/** Tick labels for a band scale of months: every `step`-th month, so labels never overlap. */
export function monthBandTicks(months: string[], width: number): (m: string) => string {
  const step = Math.max(1, Math.ceil(months.length / Math.max(1, Math.floor(width / 80))));
  const index = new Map(months.map((m, i) => [m, i]));
  return (m) => ((index.get(m) ?? 0) % step === 0 ? month(m) : '');
}

export function balanceChart(rows: BalanceMonth[], { width = 640, height = 260 } = {}) {
  const domain = rows.map((d) => d.month);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: { type: 'band', domain, label: null, tickFormat: monthBandTicks(domain, width), padding: 0.2 },
    y: { label: '元', grid: true, tickFormat: yuanTick },
    color: { domain: ['累计结余', '当期结余'], range: ['#4269d0', '#9aa6b2'], legend: true },
    marks: [
      Plot.barY(rows, { x: 'month', y: 'net', fill: () => '当期结余' }),
      Plot.line(rows, { x: 'month', y: 'cumulative_balance', stroke: () => '累计结余', strokeWidth: 2, marker: 'circle' }),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointerX({ x: 'month', y: 'cumulative_balance', title: (d) => `${month(d.month)}\n累计结余 ${yuan(d.cumulative_balance)}\n当期结余 ${yuan(d.net)}` })),
    ],
  });
}
