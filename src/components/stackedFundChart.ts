// Monthly fund flows stacked by part: income by source or expenditure by kind (基金收支).
import { Plot } from './vendor.js';
import { month, yuan, yuanTick } from '../vocabulary/format.js';
import { monthBandTicks } from './balanceChart.js';

export function stackedFundChart(
  rows: Record<string, unknown>[],
  parts: [string, string][],
  { width = 640, height = 280, colors = ['#4269d0', '#efb118', '#3ca951', '#ff725c', '#a463f2'] } = {},
) {
  const domain = rows.map((d) => String(d.month));
  const order = parts.map(([, label]) => label);
  const long = rows.flatMap((d) => parts.map(([key, label]) => ({ month: String(d.month), part: label, value: Number(d[key] ?? 0) })));
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: { type: 'band', domain, label: null, tickFormat: monthBandTicks(domain, width), padding: 0.2 },
    y: { label: '元', grid: true, tickFormat: yuanTick },
    color: { domain: order, range: colors, legend: true },
    marks: [
      Plot.barY(long, { x: 'month', y: 'value', fill: 'part', order }),
      Plot.ruleY([0]),
      Plot.tip(long, Plot.pointer(Plot.stackY({ x: 'month', y: 'value', fill: 'part', order, title: (d: { part: string; month: string; value: number }) => `${d.part}\n${month(d.month)}\n${yuan(d.value)}` }))),
    ],
  });
}
