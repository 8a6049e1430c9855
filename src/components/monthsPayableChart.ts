// Months payable (累计结余可支付月数) per fund against the surplus bands (结余原则).
// An overdrawn fund (balance below 0, or status overdrawn) has no months payable: it gets no bar and
// stays out of the scale; its row is marked "已穿底" in the overdrawn colour instead. A part year's
// value is labelled 暂估 (provisional). Values past the last band edge are drawn to the edge, marked ▶.
import { Plot } from './vendor.js';
import type { Band } from './surplusBands.js';
import { isOverdrawn, payableText } from '../vocabulary/payable.js';

export interface FundYear {
  fund: string;
  months_payable: number | null;
  surplus_status: string | null;
  balance_end?: number | null;
  year_complete?: boolean | null;
}

export function monthsPayableChart(rows: FundYear[], bands: Band[], { width = 640, overdrawnColor = '#b2182b' } = {}) {
  const xmax = bands[bands.length - 1]?.to ?? 18;
  const overdrawn = (d: FundYear) => isOverdrawn({ balance: d.balance_end, status: d.surplus_status });
  const bars = rows
    .filter((d) => !overdrawn(d) && d.months_payable !== null)
    .map((d) => ({ ...d, x: Math.max(0, Math.min(xmax, d.months_payable as number)) }));
  const marked = rows.filter(overdrawn);
  const color = new Map(bands.map((b) => [b.code, b.color]));
  const label = (d: FundYear) =>
    payableText({ months_payable: d.months_payable, provisional: d.year_complete === false }) + ((d.months_payable as number) > xmax ? ' ▶' : '');
  return Plot.plot({
    width,
    height: 60 + 36 * Math.max(1, new Set(rows.map((d) => d.fund)).size),
    marginLeft: 150,
    marginRight: 130,
    x: { label: '可支付月数（个月）', domain: [0, xmax], grid: true },
    y: { label: null, domain: rows.map((d) => d.fund) },
    marks: [
      Plot.rectX(bands.map((b) => ({ ...b, to: Math.min(b.to, xmax) })), { x1: 'from', x2: 'to', fill: 'color', fillOpacity: 0.18 }),
      Plot.text(bands, { x: (b: Band) => (b.from + Math.min(b.to, xmax)) / 2, text: 'label', frameAnchor: 'top', dy: 4, fontSize: 11, fill: 'currentColor' }),
      Plot.barX(bars, { y: 'fund', x: 'x', fill: (d: FundYear) => color.get(d.surplus_status ?? '') ?? '#888', insetTop: 8, insetBottom: 8 }),
      Plot.text(bars, { y: 'fund', x: 'x', text: label, dx: 4, textAnchor: 'start', fontSize: 12, fill: 'currentColor', stroke: 'var(--theme-background)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(marked, { y: 'fund', x: 0, text: () => '已穿底（累计结余为负）', dx: 4, textAnchor: 'start', fontSize: 12, fontWeight: 'bold', fill: overdrawnColor, stroke: 'var(--theme-background)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.ruleX([0]),
    ],
  });
}
