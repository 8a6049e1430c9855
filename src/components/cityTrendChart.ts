// Small multiples over time: monthly income and expenditure per city, one panel per city (试点城市对比).
import { Plot } from './vendor.js';
import { monthTick, yuanTick } from '../vocabulary/format.js';

export interface CityMonth { city_name: string; month: string; income_total: number; expenditure_total: number }

export function cityTrendChart(rows: CityMonth[], { width = 640 } = {}) {
  const cities = [...new Set(rows.map((d) => d.city_name))];
  const columns = Math.max(1, Math.min(cities.length, width >= 900 ? 3 : 2));
  const col = (c: string) => cities.indexOf(c) % columns;
  const row = (c: string) => Math.floor(cities.indexOf(c) / columns);
  const long = rows.flatMap((d) => [
    { city_name: d.city_name, date: new Date(d.month), series: '基金收入', value: d.income_total },
    { city_name: d.city_name, date: new Date(d.month), series: '基金支出', value: d.expenditure_total },
  ]);
  return Plot.plot({
    width,
    height: 190 * Math.ceil(cities.length / columns) + 50,
    marginLeft: 55,
    marginTop: 10,
    x: { type: 'utc', label: null, tickFormat: monthTick, ticks: 3 },
    y: { label: null, grid: true, tickFormat: yuanTick },
    fx: { axis: null, padding: 0.08 },
    fy: { axis: null, padding: 0.15 },
    color: { domain: ['基金收入', '基金支出'], range: ['#4269d0', '#ff725c'], legend: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.15 }),
      Plot.line(long, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 1.5, fx: (d: { city_name: string }) => col(d.city_name), fy: (d: { city_name: string }) => row(d.city_name) }),
      Plot.text(cities, { fx: col, fy: row, text: (c: string) => c, frameAnchor: 'top-left', dx: 6, dy: 6, fontWeight: 'bold', fontSize: 12 }),
    ],
  });
}
