// Small multiples: one small bar chart per measure, the cities side by side (试点城市对比).
import { Plot } from './vendor.js';

export interface Measure<T> { label: string; value: (row: T) => number | null; format: (x: number | null) => string; color?: string }

export function cityMultiplesChart<T>(rows: T[], cityOf: (row: T) => string, measures: Measure<T>[], { width = 640 } = {}): HTMLElement {
  const columns = width >= 900 ? 3 : width >= 560 ? 2 : 1;
  const cellWidth = Math.floor((width - 16 * (columns - 1)) / columns);
  const grid = document.createElement('div');
  grid.className = 'ltci-multiples';
  grid.style.display = 'grid';
  grid.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
  grid.style.gap = '16px';
  for (const m of measures) {
    const data = rows.map((r) => ({ city: cityOf(r), value: m.value(r) })).filter((d) => d.value !== null) as { city: string; value: number }[];
    const cell = document.createElement('div');
    const h = document.createElement('h3');
    h.textContent = m.label;
    h.style.margin = '0 0 4px 0';
    cell.append(h);
    cell.append(Plot.plot({
      width: cellWidth,
      height: 30 + 28 * Math.max(1, data.length),
      marginLeft: 80,
      marginRight: 80,
      x: { axis: null },
      y: { label: null, domain: rows.map(cityOf) },
      marks: [
        Plot.barX(data, { y: 'city', x: 'value', fill: m.color ?? '#4269d0' }),
        Plot.text(data, { y: 'city', x: 'value', text: (d: { value: number }) => m.format(d.value), dx: 4, textAnchor: 'start', fontSize: 11 }),
        Plot.ruleX([0]),
      ],
    }));
    grid.append(cell);
  }
  return grid;
}
