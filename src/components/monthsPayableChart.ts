// Months payable (累计结余可支付月数) per fund against the surplus bands (结余原则).
// A fund whose balance is below zero has no months payable: it gets no bar and stays out of the
// scale; its row reads "累计结余穿底" in the overdrawn colour. A fund whose balance is not known (no
// opening balance delivered) reads "期初结余未提供". A fund with months payable but no status (too few
// months with expenditure) gets a grey bar. Values past the last band edge are drawn to the edge, marked ▶.
import { textWidth } from './textFit.js';
import { Plot } from './vendor.js';
import type { Band } from './surplusBands.js';
import { isOverdrawn, payableText, UNKNOWN_BALANCE_TEXT } from '../vocabulary/payable.js';

export interface FundYear {
  fund: string;
  months_payable: number | null;
  surplus_status: string | null;
  balance_end?: number | null;
  balance_known?: boolean | null;
  year_complete?: boolean | null;
}

export function monthsPayableChart(rows: FundYear[], bands: Band[], { width = 640, overdrawnColor = '#b2182b' } = {}) {
  const xmax = bands[bands.length - 1]?.to ?? 18;
  const unknown = (d: FundYear) => d.balance_known === false;
  const overdrawn = (d: FundYear) => !unknown(d) && isOverdrawn({ balance: d.balance_end });
  const bars = rows
    .filter((d) => !unknown(d) && !overdrawn(d) && d.months_payable !== null)
    .map((d) => ({ ...d, x: Math.max(0, Math.min(xmax, d.months_payable as number)) }));
  const color = new Map(bands.map((b) => [b.code, b.color]));
  const label = (d: FundYear) =>
    payableText({ months_payable: d.months_payable }) + ((d.months_payable as number) > xmax ? ' ▶' : '') + (d.surplus_status ? '' : '（不判断）');
  // Margins shrink with the width so a phone still gets a plot area (never a negative one).
  const marginLeft = Math.min(150, Math.floor(width * 0.34));
  const marginRight = Math.min(160, Math.floor(width * 0.22));
  const plotWidth = width - marginLeft - marginRight;
  const inside = (d: { x: number } & FundYear) => (d.x / xmax) * plotWidth + 4 + textWidth(label(d), 12) > plotWidth + marginRight;
  // a band's name only where the band is wide enough to hold it
  const named = bands.filter((b) => ((Math.min(b.to, xmax) - b.from) / xmax) * plotWidth >= 13 * b.label.length);
  return Plot.plot({
    width,
    height: 76 + 36 * Math.max(1, new Set(rows.map((d) => d.fund)).size),
    marginTop: 30,
    marginLeft,
    marginRight,
    x: { label: '可支付月数（个月）', domain: [0, xmax], grid: true },
    y: { label: null, domain: rows.map((d) => d.fund) },
    marks: [
      Plot.rectX(bands.map((b) => ({ ...b, to: Math.min(b.to, xmax) })), { x1: 'from', x2: 'to', fill: 'color', fillOpacity: 0.18 }),
      Plot.text(named, { x: (b: Band) => (b.from + Math.min(b.to, xmax)) / 2, text: 'label', frameAnchor: 'top', dy: -14, fontSize: 11, fill: 'currentColor' }),
      Plot.barX(bars, { y: 'fund', x: 'x', fill: (d: FundYear) => color.get(d.surplus_status ?? '') ?? '#aaa', insetTop: 8, insetBottom: 8 }),
      // a label that would run past the chart's right edge (a long bar on a phone) goes inside its bar
      Plot.text(bars.filter((d) => !inside(d)), { y: 'fund', x: 'x', text: label, dx: 4, textAnchor: 'start', fontSize: 12, fill: 'currentColor', stroke: 'var(--theme-background)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(bars.filter(inside), { y: 'fund', x: 'x', text: label, dx: -4, textAnchor: 'end', fontSize: 12, fill: 'currentColor', stroke: 'var(--theme-background)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(rows.filter(overdrawn), { y: 'fund', x: 0, text: () => '累计结余穿底（累计结余为负）', dx: 4, textAnchor: 'start', fontSize: 12, fontWeight: 'bold', fill: overdrawnColor, stroke: 'var(--theme-background)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(rows.filter(unknown), { y: 'fund', x: 0, text: () => UNKNOWN_BALANCE_TEXT, dx: 4, textAnchor: 'start', fontSize: 12, fill: '#666', stroke: 'var(--theme-background)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.ruleX([0]),
    ],
  });
}
