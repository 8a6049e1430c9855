// The bench harness end to end on the tiny demo: every field of the --json object is there with a
// sane type. No assertion on time (tests never do); the city-scale figures are in docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { dataLoaders, runBench, TARGETS } from '../../bench/runBench.ts';

const work = mkdtempSync(join(tmpdir(), 'ltci-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('runBench on the tiny demo gives every field of the JSON', async () => {
  const loaders = dataLoaders();
  expect(loaders).toContain('src/data/meta.json.ts');
  const result = await runBench({ scale: 'tiny', workDir: join(work, 'run'), loaders: ['src/data/meta.json.ts'] });
  const json = JSON.parse(JSON.stringify(result));

  for (const field of ['rows', 'ingest_s', 'build_s', 'loaders_s', 'raw_s', 'ratio_to_raw', 'growth_build_ratio', 'growth_build_cpu_ratio', 'month_s', 'month_ingest_s', 'month_build_s', 'month_rows', 'month_base_rows', 'peak_rss_mb']) {
    expect(typeof json[field], field).toBe('number');
    expect(json[field], field).toBeGreaterThan(0);
  }
  // the tiny demo's delivery: enrolment and settlement rows and more, plus the malformed files
  expect(json.rows).toBeGreaterThan(1000);
  expect(json.ratio_to_raw).toBeCloseTo((json.ingest_s + json.build_s) / json.raw_s, 1);
  // growth: the city's shape at the tiny population over 1, 2 and 3 years, each loaded and built
  // from scratch (its own steps); each year adds about a year of rows
  expect(json.growth.map((g: { years: number }) => g.years)).toEqual([1, 2, 3]);
  for (const g of json.growth) {
    expect(g).toEqual({ years: g.years, rows: expect.any(Number), ingest_s: expect.any(Number), build_s: expect.any(Number), build_cpu_s: expect.any(Number), peak_rss_mb: expect.any(Number) });
    expect(g.build_cpu_s).toBeGreaterThan(0);
    expect(json.steps[`${g.years} years build`].seconds).toBe(g.build_s);
    expect(g.peak_rss_mb).toBeGreaterThan(10);
  }
  const [one, two, three] = json.growth.map((g: { rows: number }) => g.rows);
  expect(two).toBeGreaterThan(1.5 * one);
  expect(three).toBeGreaterThan(two + 0.5 * one);
  expect(json.growth_build_ratio).toBeCloseTo(json.growth[2].build_s / json.growth[0].build_s, 1);
  expect(json.growth_build_cpu_ratio).toBeCloseTo(json.growth[2].build_cpu_s / json.growth[0].build_cpu_s, 1);
  // the month: the 3 years up to the month before, then a month's new and corrected rows
  expect(json.month_base_rows).toBeGreaterThan(two);
  expect(json.month_rows).toBeLessThan(json.month_base_rows / 4);
  expect(json.month_s).toBeCloseTo(json.steps['month ingest'].seconds + json.steps['month build'].seconds, 1);
  expect(json.steps['history build'].seconds).toBeGreaterThan(0);
  expect(json.data_tests_pass).toBe(true);
  expect(json.targets).toEqual(TARGETS);
  for (const k of Object.keys(TARGETS)) expect(typeof json.met[k], k).toBe('boolean');
  expect(json.slowest_models.length).toBeGreaterThan(0);
  expect(json.slowest_models[0]).toMatchObject({ name: expect.stringMatching(/^(stg|int|mart)_/), rows: expect.any(Number), seconds: expect.any(Number) });
  expect(json.loaders).toEqual([{ loader: 'src/data/meta.json.ts', seconds: expect.any(Number), bytes: expect.any(Number) }]);
  expect(json.loaders[0].bytes).toBeGreaterThan(2);
  expect(json.raw_files.map((f: { file: string }) => f.file)).toContain('enrolment.csv');
  expect(json.machine).toMatchObject({ nproc: expect.any(Number), cpu: expect.any(String), node: process.version, duckdb: expect.stringMatching(/\d/) });
  for (const s of Object.values(json.steps) as { seconds: number; cpu_s: number; peak_rss_mb: number }[]) {
    expect(s.seconds).toBeGreaterThan(0);
    expect(s.cpu_s).toBeGreaterThan(0);
    expect(s.peak_rss_mb).toBeGreaterThan(10);
  }
}, 600_000);
