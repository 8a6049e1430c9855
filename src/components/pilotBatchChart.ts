// National pilot cities per province, stacked by batch (2016 first batch / 2020 expansion) (试点城市对比).
import { Plot } from './vendor.js';

export interface PilotCity { city_name: string; province: string; batch: string | null }

export function pilotBatchChart(rows: PilotCity[], { width = 640 } = {}) {
  const data = rows.map((d) => ({ ...d, batchLabel: d.batch === '2016' ? '2016年首批' : d.batch === '2020' ? '2020年扩大试点' : '其他' }));
  const provinces = new Set(data.map((d) => d.province)).size;
  return Plot.plot({
    width,
    height: 50 + 20 * Math.max(1, provinces),
    marginLeft: 150,
    x: { label: '城市数', grid: true },
    y: { label: null },
    color: { domain: ['2016年首批', '2020年扩大试点'], range: ['#4269d0', '#efb118'], legend: true },
    marks: [
      Plot.barX(data, Plot.groupY({ x: 'count' }, { y: 'province', fill: 'batchLabel', sort: { y: '-x' }, tip: true })),
      Plot.ruleX([0]),
    ],
  });
}
