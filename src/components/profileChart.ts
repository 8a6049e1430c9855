// Beneficiaries by disability level and age band, stacked bars (失能评估).
import { Plot } from './vendor.js';
import { AGE_BANDS } from '../vocabulary/labels.js';

export interface ProfileRow { disability_level: number; age_band: string; beneficiaries: number }

export function profileChart(rows: ProfileRow[], levels: Record<string, string>, { width = 640, height = 280 } = {}) {
  // Youngest first ("<60" before "60-69"), unknown ages last.
  const rank = (b: string) => (b === 'unknown' ? 999 : b.startsWith('<') ? -1 : parseInt(b, 10));
  const bands = [...new Set(rows.map((d) => d.age_band))].sort((a, b) => rank(a) - rank(b));
  const data = rows.map((d) => ({ ...d, level: levels[String(d.disability_level ?? 'unknown')] ?? `等级${d.disability_level}` }));
  const levelOrder = Object.keys(levels).sort().map((k) => levels[k]).filter((l) => data.some((d) => d.level === l));
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: '年龄段', domain: bands, tickFormat: (b: string) => AGE_BANDS[b] ?? b },
    y: { label: '人', grid: true },
    color: { domain: levelOrder, scheme: 'oranges', legend: true },
    marks: [
      Plot.barY(data, Plot.groupX({ y: 'sum' }, { x: 'age_band', y: 'beneficiaries', fill: 'level', order: levelOrder, tip: true })),
      Plot.ruleY([0]),
    ],
  });
}
