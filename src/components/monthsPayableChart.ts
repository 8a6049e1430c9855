// Months payable (累计结余可支付月数) per fund against the surplus bands (结余原则).
import * as Plot from '@observablehq/plot';
import { months } from './format.js';
import type { Band } from './surplusBands.js';

export interface FundYear { fund: string; months_payable: number | null; surplus_status: string | null }

export function monthsPayableChart(rows: FundYear[], bands: Band[], { width = 640 } = {}) {
  // The axis stops past the last band edge; longer (or negative) values are drawn to the edge, marked ▶ / ◀.
  const xmax = bands[bands.length - 1]?.to ?? 18;
  const xmin = 0;
  const shown = rows
    .filter((d) => d.months_payable !== null)
    .map((d) => ({ ...d, x: Math.max(xmin, Math.min(xmax, d.months_payable as number)) }));
  const color = new Map(bands.map((b) => [b.code, b.color]));
  const label = (d: FundYear) => ((d.months_payable as number) < 0 ? '累计结余为负' : months(d.months_payable) + ((d.months_payable as number) > xmax ? ' ▶' : ''));
  return Plot.plot({
    width,
    height: 60 + 36 * Math.max(1, new Set(rows.map((d) => d.fund)).size),
    marginLeft: 150,
    marginRight: 110,
    x: { label: '可支付月数（个月）', domain: [xmin, xmax], grid: true },
    y: { label: null },
    marks: [
      Plot.rectX(bands.map((b) => ({ ...b, to: Math.min(b.to, xmax) })), { x1: 'from', x2: 'to', fill: 'color', fillOpacity: 0.18 }),
      Plot.text(bands, { x: (b: Band) => (b.from + Math.min(b.to, xmax)) / 2, text: 'label', frameAnchor: 'top', dy: 4, fontSize: 11, fill: 'currentColor' }),
      Plot.barX(shown, { y: 'fund', x: 'x', fill: (d: FundYear) => color.get(d.surplus_status ?? '') ?? '#888', insetTop: 8, insetBottom: 8 }),
      Plot.text(shown, { y: 'fund', x: 'x', text: label, dx: 4, textAnchor: 'start', fontSize: 12, fill: 'currentColor', stroke: 'var(--theme-background)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.ruleX([0]),
    ],
  });
}
