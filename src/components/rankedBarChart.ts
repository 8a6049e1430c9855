// Horizontal bars, largest first: findings by rule, district or institution (基金监管, 数据质量).
// The axis reads as the bars do: 万/亿 for large values (5万, not 50,000), whole numbers only on an
// axis that counts (`integer`: rows, settlements), never 0.2 of a row.
import { Plot, d3 } from './vendor.js';
import { yuanTick } from '../vocabulary/format.js';
import { fitText, textWidth } from './textFit.js';

export interface RankedOptions<T> {
  label: (row: T) => string;
  value: (row: T) => number;
  format: (x: number) => string;
  width?: number;
  color?: string;
  top?: number;
  xLabel?: string;
  /** The values count things: ticks on whole numbers only. */
  integer?: boolean;
}

export function rankedBarChart<T>(rows: T[], { label, value, format, width = 640, color = '#e4572e', top = 15, xLabel, integer = false }: RankedOptions<T>) {
  const data = rows.map((r) => ({ label: label(r), value: value(r) })).sort((a, b) => b.value - a.value).slice(0, top);
  const max = Math.max(0, ...data.map((d) => d.value));
  const count = Math.max(2, Math.min(8, Math.floor(width / 110)));
  const ticks = integer ? d3.ticks(0, Math.max(1, max), count).filter(Number.isInteger) : undefined;
  const marginLeft = Math.min(260, Math.floor(width * 0.45), 14 + 13 * Math.max(4, ...data.map((d) => d.label.length)));
  return Plot.plot({
    width,
    height: 40 + 26 * Math.max(1, data.length),
    marginLeft,
    marginRight: Math.max(Math.min(80, Math.floor(width * 0.2)), 8 + Math.max(0, ...data.map((d) => textWidth(format(d.value), 11)))),
    x: { label: xLabel ?? null, grid: true, axis: data.length ? 'bottom' : null, ticks: ticks ?? count, tickFormat: yuanTick },
    // on a phone a long name ends in … (whole in the bar's tooltip and the CSV) rather than at the edge
    y: { label: null, domain: data.map((d) => d.label), tickFormat: (t: string) => fitText(t, marginLeft - 10, 10) },
    marks: [
      Plot.barX(data, { y: 'label', x: 'value', fill: color, title: (d: { label: string }) => d.label }),
      Plot.text(data, { y: 'label', x: 'value', text: (d: { value: number }) => format(d.value), dx: 4, textAnchor: 'start', fontSize: 11 }),
      Plot.ruleX([0]),
    ],
  });
}
