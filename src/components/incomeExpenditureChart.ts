// Monthly fund income and expenditure as two lines (总览, 基金收支). `spikes`: months to annotate as
// the year's collection (components/incomeSpikes.ts).
import { Plot } from './vendor.js';
import { monthTick, yuan, yuanTick } from '../vocabulary/format.js';

export interface FundMonth { month: string; income_total: number; expenditure_total: number }

export function incomeExpenditureChart(rows: FundMonth[], { width = 640, height = 260, spikes = [] as string[] } = {}) {
  const marked = rows.filter((d) => spikes.includes(d.month)).map((d) => ({ date: new Date(d.month), value: d.income_total }));
  const long = rows.flatMap((d) => [
    { date: new Date(d.month), series: '基金收入', value: d.income_total },
    { date: new Date(d.month), series: '基金支出', value: d.expenditure_total },
  ]);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: { type: 'utc', label: null, tickFormat: monthTick, ticks: Math.min(rows.length, Math.floor(width / 90)) },
    y: { label: '元', grid: true, tickFormat: yuanTick, zero: true },
    color: { domain: ['基金收入', '基金支出'], range: ['#4269d0', '#ff725c'], legend: true },
    marginTop: spikes.length ? 30 : undefined,
    marks: [
      Plot.ruleY([0]),
      Plot.text(marked, { x: 'date', y: 'value', text: () => '年度集中缴费', dy: -14, fontSize: 11, fill: '#4269d0', textAnchor: 'start', dx: -6 }),
      Plot.line(long, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2, marker: 'circle' }),
      Plot.tip(long, Plot.pointerX({ x: 'date', y: 'value', stroke: 'series', title: (d) => `${d.series}\n${monthTick(d.date)}\n${yuan(d.value)}` })),
    ],
  });
}
