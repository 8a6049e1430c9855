// Monthly fund flows stacked by part: income by source or expenditure by kind (基金收支). `spikes`:
// months to annotate as the year's collection (components/incomeSpikes.ts), over their bar.
import { Plot } from './vendor.js';
import { month, yuan, yuanTick } from '../vocabulary/format.js';
import { monthBandTicks } from './balanceChart.js';

export function stackedFundChart(
  rows: Record<string, unknown>[],
  parts: [string, string][],
  { width = 640, height = 280, colors = ['#4269d0', '#efb118', '#3ca951', '#ff725c', '#a463f2'], spikes = [] as string[] } = {},
) {
  const marked = rows.filter((d) => spikes.includes(String(d.month))).map((d) => ({ month: String(d.month), top: parts.reduce((s, [key]) => s + Math.max(0, Number(d[key] ?? 0)), 0) }));
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
    marginTop: spikes.length ? 30 : undefined,
    marks: [
      Plot.text(marked, { x: 'month', y: 'top', text: () => '年度集中缴费', dy: -10, fontSize: 11, fill: '#4269d0', textAnchor: 'start', dx: -8 }),
      Plot.barY(long, { x: 'month', y: 'value', fill: 'part', order }),
      Plot.ruleY([0]),
      Plot.tip(long, Plot.pointer(Plot.stackY({ x: 'month', y: 'value', fill: 'part', order, title: (d: { part: string; month: string; value: number }) => `${d.part}\n${month(d.month)}\n${yuan(d.value)}` }))),
    ],
  });
}
