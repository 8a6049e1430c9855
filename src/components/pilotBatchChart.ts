// National pilot cities per province, stacked by batch (2016 first batch / the key-contact provinces'
// cities / 2020 expansion) (试点城市对比). Batch words: vocabulary/labels.ts PILOT_BATCHES.
import { Plot } from './vendor.js';
import { PILOT_BATCHES } from '../vocabulary/labels.js';

export interface PilotCity { city_name: string; province: string; batch: string | null }

export function pilotBatchChart(rows: PilotCity[], { width = 640 } = {}) {
  const data = rows.map((d) => ({ ...d, batchLabel: (d.batch && PILOT_BATCHES[d.batch]) || '其他' }));
  const provinces = new Set(data.map((d) => d.province)).size;
  return Plot.plot({
    width,
    height: 50 + 20 * Math.max(1, provinces),
    marginLeft: 150,
    x: { label: '城市数', grid: true },
    y: { label: null },
    color: { domain: ['2016', 'key_province', '2020'].map((b) => PILOT_BATCHES[b]), range: ['#4269d0', '#6cc5b0', '#efb118'], legend: true },
    marks: [
      Plot.barX(data, Plot.groupY({ x: 'count' }, { y: 'province', fill: 'batchLabel', sort: { y: '-x' }, tip: true })),
      Plot.ruleX([0]),
    ],
  });
}
