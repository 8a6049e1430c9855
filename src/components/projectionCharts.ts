// The 政策模拟 page's two charts: the balance path and months payable by year, one line per
// scenario of mart_projection and a bold line for the page's own run (政策模拟).
import { Plot } from './vendor.js';
import { months, yuan, yuanTick } from '../vocabulary/format.js';
import type { Band } from './surplusBands.js';

export interface PathRow { series: string; year: number; balance_end: number; months_payable: number | null }

const RUN = '本次模拟';

function colors(series: string[]): { domain: string[]; range: string[] } {
  const palette = ['#9aa6b2', '#4269d0', '#3ca951', '#ff725c', '#a463f2', '#efb118'];
  const others = series.filter((s) => s !== RUN);
  return { domain: [...others, RUN], range: [...others.map((_, i) => palette[i % palette.length]), '#111'] };
}

/** 年末累计结余 by year; the zero line marks 穿底. */
export function projectionBalanceChart(rows: PathRow[], { width = 640, height = 300 } = {}) {
  const series = [...new Set(rows.map((d) => d.series))];
  return Plot.plot({
    width,
    height,
    marginLeft: 64,
    x: { label: null, tickFormat: (y: number) => `${y}年`, ticks: Math.min(12, Math.floor(width / 70)) },
    y: { label: '年末累计结余（元）', grid: true, tickFormat: yuanTick },
    color: { ...colors(series), legend: true },
    marks: [
      Plot.ruleY([0], { stroke: '#b2182b' }),
      Plot.line(rows.filter((d) => d.series !== RUN), { x: 'year', y: 'balance_end', stroke: 'series', strokeWidth: 1.5, marker: 'dot' }),
      Plot.line(rows.filter((d) => d.series === RUN), { x: 'year', y: 'balance_end', stroke: 'series', strokeWidth: 3, marker: 'dot' }),
      Plot.tip(rows, Plot.pointer({ x: 'year', y: 'balance_end', title: (d: PathRow) => `${d.series} · ${d.year}年\n年末累计结余 ${yuan(d.balance_end)}\n可支付 ${months(d.months_payable)}` })),
    ],
  });
}

/** 可支付月数 by year against the surplus bands; a year above the chart's top is drawn at the top, a negative balance has none. */
export function projectionMonthsChart(rows: PathRow[], bands: Band[], { width = 640, height = 300 } = {}) {
  const series = [...new Set(rows.map((d) => d.series))];
  const top = Math.max(...bands.map((b) => b.from)) + 9;
  const shown = rows.filter((d) => d.months_payable !== null).map((d) => ({ ...d, y: Math.min(top, d.months_payable as number) }));
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    x: { label: null, tickFormat: (y: number) => `${y}年`, ticks: Math.min(12, Math.floor(width / 70)) },
    y: { label: `可支付月数（个月，超过${top}个月画在顶端）`, domain: [0, top], grid: true },
    color: { ...colors(series), legend: true },
    marks: [
      Plot.rectY(bands.map((b) => ({ ...b, to: Math.min(b.to, top) })), { y1: 'from', y2: 'to', fill: (b: Band) => b.color, fillOpacity: 0.15 }),
      Plot.text(bands.filter((b) => b.from < top), { y: (b: Band) => (b.from + Math.min(b.to, top)) / 2, text: 'label', frameAnchor: 'left', dx: 4, fontSize: 10, fill: 'currentColor' }),
      Plot.line(shown.filter((d) => d.series !== RUN), { x: 'year', y: 'y', stroke: 'series', strokeWidth: 1.5, marker: 'dot' }),
      Plot.line(shown.filter((d) => d.series === RUN), { x: 'year', y: 'y', stroke: 'series', strokeWidth: 3, marker: 'dot' }),
      Plot.tip(shown, Plot.pointer({ x: 'year', y: 'y', title: (d: PathRow) => `${d.series} · ${d.year}年\n可支付 ${months(d.months_payable)}` })),
    ],
  });
}

export { RUN };
