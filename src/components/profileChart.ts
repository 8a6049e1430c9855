// Beneficiaries by disability level and age band, stacked bars (失能评估). One distinct, visible
// colour per level (a sequential scheme's first step, near white, hid 中度失能 on the card).
import { Plot, d3 } from './vendor.js';
import { AGE_BANDS } from '../vocabulary/labels.js';

/** Level code → colour: light to dark as the level rises, each readable on the card's grey. */
export const LEVEL_COLORS: Record<string, string> = {
  '0': '#9aa6b2', '1': '#6cc5b0', '2': '#f2a541', '3': '#e4572e', '4': '#b2293e', '5': '#6b1d3a', unknown: '#7f7f7f',
};

export interface ProfileRow { disability_level: number; age_band: string; beneficiaries: number }

export function profileChart(rows: ProfileRow[], levels: Record<string, string>, { width = 640, height = 280 } = {}) {
  // Youngest first ("<60" before "60-69"), unknown ages last.
  const rank = (b: string) => (b === 'unknown' ? 999 : b.startsWith('<') ? -1 : parseInt(b, 10));
  const bands = [...new Set(rows.map((d) => d.age_band))].sort((a, b) => rank(a) - rank(b));
  const data = rows.map((d) => ({ ...d, level: levels[String(d.disability_level ?? 'unknown')] ?? `等级${d.disability_level}` }));
  const levelKeys = Object.keys(levels).sort().filter((k) => data.some((d) => d.level === levels[k]));
  const levelOrder = levelKeys.map((k) => levels[k]);
  // the tallest bar: persons are counted whole, so ticks on whole numbers
  const totals = d3.rollup(data, (v) => d3.sum(v, (d) => d.beneficiaries), (d) => d.age_band);
  const max = Math.max(1, ...totals.values());
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: '年龄段', domain: bands, tickFormat: (b: string) => AGE_BANDS[b] ?? b },
    y: { label: '人', grid: true, ticks: d3.ticks(0, max, 6).filter(Number.isInteger), tickFormat: (x: number) => String(x) },
    color: { domain: levelOrder, range: levelKeys.map((k) => LEVEL_COLORS[k] ?? '#7f7f7f'), legend: true },
    marks: [
      Plot.barY(data, Plot.groupX({ y: 'sum' }, { x: 'age_band', y: 'beneficiaries', fill: 'level', order: levelOrder, tip: true })),
      Plot.ruleY([0]),
    ],
  });
}
