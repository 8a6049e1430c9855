// The assessment flow per month: applications, conclusions, approvals as lines (失能评估).
import { Plot, d3 } from './vendor.js';
import { month } from '../vocabulary/format.js';
import { monthBandTicks } from './balanceChart.js';

export interface FlowRow { month: string; applications: number; concluded: number; approved: number }

const SERIES: [keyof FlowRow, string][] = [['applications', '申请'], ['concluded', '作出结论'], ['approved', '评估通过']];

export function assessmentFlowChart(rows: FlowRow[], { width = 640, height = 260 } = {}) {
  const domain = rows.map((d) => d.month);
  const long = rows.flatMap((d) => SERIES.map(([key, label]) => ({ month: d.month, series: label, value: Number(d[key]) })));
  // persons are counted whole: ticks on whole numbers (an empty year is 0–1, not 0.000000)
  const max = Math.max(1, ...long.map((d) => d.value));
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { type: 'band', domain, label: null, tickFormat: monthBandTicks(domain, width), padding: 0.15 },
    y: { label: '人次', grid: true, domain: [0, max], ticks: d3.ticks(0, max, 6).filter(Number.isInteger), tickFormat: (x: number) => String(x) },
    color: { domain: SERIES.map(([, l]) => l), range: ['#9aa6b2', '#4269d0', '#3ca951'], legend: true },
    marks: [
      Plot.line(long, { x: 'month', y: 'value', stroke: 'series', strokeWidth: 2, marker: 'circle' }),
      Plot.ruleY([0]),
      Plot.tip(long, Plot.pointerX({ x: 'month', y: 'value', title: (d: { month: string; series: string; value: number }) => `${month(d.month)} ${d.series} ${d.value}人次` })),
    ],
  });
}
