// Surplus rate (当期结余率) per fund and year, horizontal bars (结余原则).
import { Plot } from './vendor.js';
import { percent } from '../vocabulary/format.js';

export interface FundRate { fund: string; year: number; surplus_rate: number | null }

export function surplusRateChart(rows: FundRate[], { width = 640 } = {}) {
  // one year per chart (its title names it): the fund alone labels a bar
  const shown = rows.filter((d) => d.surplus_rate !== null).map((d) => ({ ...d, label: d.fund }));
  return Plot.plot({
    width,
    height: 40 + 24 * Math.max(1, shown.length),
    // margins shrink with the width: a card still being laid out (a few dozen px) gets no negative bar
    marginLeft: Math.min(150, Math.floor(width * 0.36)),
    marginRight: Math.min(50, Math.floor(width * 0.14)),
    x: { label: '当期结余率', grid: true, tickFormat: (r: number) => percent(r, { digits: 0 }) },
    y: { label: null, domain: shown.map((d) => d.label) },
    marks: [
      Plot.barX(shown, { y: 'label', x: 'surplus_rate', fill: (d: FundRate) => ((d.surplus_rate as number) < 0 ? '#e4572e' : '#4269d0') }),
      Plot.text(shown, { y: 'label', x: 'surplus_rate', text: (d: FundRate) => percent(d.surplus_rate), dx: 4, textAnchor: 'start', fontSize: 11 }),
      Plot.ruleX([0]),
    ],
  });
}
