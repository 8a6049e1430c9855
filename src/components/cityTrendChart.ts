// Small multiples over time: monthly income and expenditure per city, one chart per city (试点城市对比).
// Each city on its own scale by default (a small city's months are readable, not a flat line under a
// big city's); `shared` puts every city on the largest one's scale, to compare sizes.
import { Plot } from './vendor.js';
import { monthTick, yuan, yuanTick } from '../vocabulary/format.js';

export interface CityMonth { city_name: string; month: string; income_total: number; expenditure_total: number }

const SERIES = { domain: ['基金收入', '基金支出'], range: ['#4269d0', '#ff725c'] };

export function cityTrendChart(rows: CityMonth[], { width = 640, shared = false } = {}): HTMLElement {
  const cities = [...new Set(rows.map((d) => d.city_name))];
  const columns = Math.max(1, Math.min(cities.length, width >= 900 ? 3 : width >= 560 ? 2 : 1));
  const gap = 16;
  const cellWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const long = (city: string) => rows.filter((d) => d.city_name === city).flatMap((d) => [
    { date: new Date(d.month), series: '基金收入', value: d.income_total },
    { date: new Date(d.month), series: '基金支出', value: d.expenditure_total },
  ]);
  const top = Math.max(0, ...rows.flatMap((d) => [d.income_total, d.expenditure_total]));
  const root = document.createElement('div');
  root.className = 'ltci-city-trend';
  root.append(Plot.legend({ color: SERIES }));
  const grid = document.createElement('div');
  grid.style.display = 'grid';
  grid.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
  grid.style.gap = `${gap}px`;
  for (const city of cities) {
    const cell = document.createElement('div');
    cell.dataset.city = city;
    const h = document.createElement('h3');
    h.textContent = city;
    h.style.margin = '0';
    cell.append(h);
    cell.append(Plot.plot({
      width: cellWidth,
      height: 170,
      marginLeft: 55,
      marginTop: 12,
      x: { type: 'utc', label: null, tickFormat: monthTick, ticks: 3 },
      y: { label: null, grid: true, tickFormat: yuanTick, ticks: 4, ...(shared ? { domain: [0, top] } : { zero: true }) },
      color: SERIES,
      marks: [
        Plot.ruleY([0]),
        Plot.line(long(city), { x: 'date', y: 'value', stroke: 'series', strokeWidth: 1.5 }),
        Plot.tip(long(city), Plot.pointerX({ x: 'date', y: 'value', stroke: 'series', title: (d: { series: string; date: Date; value: number }) => `${city} ${d.series}\n${monthTick(d.date)}\n${yuan(d.value)}` })),
      ],
    }));
    grid.append(cell);
  }
  root.append(grid);
  return root;
}
