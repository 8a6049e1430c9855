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

  for (const field of ['rows', 'ingest_s', 'build_s', 'loaders_s', 'raw_s', 'ratio_to_raw', 'incremental_s', 'incremental_first_s', 'rebuild_s', 'incremental_ratio', 'incremental_base_rows', 'peak_rss_mb']) {
    expect(typeof json[field], field).toBe('number');
    expect(json[field], field).toBeGreaterThan(0);
  }
  // the tiny demo's delivery: enrolment and settlement rows and more, plus the malformed files
  expect(json.rows).toBeGreaterThan(1000);
  expect(json.ratio_to_raw).toBeCloseTo((json.ingest_s + json.build_s) / json.raw_s, 1);
  expect(json.incremental_rows).toBeGreaterThan(0);
  expect(json.incremental_rows).toBeLessThan(json.rows);
  // the measured month comes after another month added and built: the history plus that month
  expect(json.steps['first month ingest'].seconds).toBeGreaterThan(0);
  expect(json.steps['first month build'].seconds).toBeGreaterThan(0);
  expect(json.incremental_base_rows).toBeGreaterThan(json.incremental_rows);
  // the build after the month is incremental: the settlement chain for part of the settlements
  expect(json.incremental_plan).toMatch(/^incremental build: 1 new load\(s\); the settlement chain for \d+ of \d+ settlements/);
  expect(json.data_tests_pass).toBe(true);
  expect(json.targets).toEqual(TARGETS);
  for (const k of Object.keys(TARGETS)) expect(typeof json.met[k], k).toBe('boolean');
  expect(json.slowest_models.length).toBeGreaterThan(0);
  expect(json.slowest_models[0]).toMatchObject({ name: expect.stringMatching(/^(stg|int|mart)_/), rows: expect.any(Number), seconds: expect.any(Number) });
  expect(json.loaders).toEqual([{ loader: 'src/data/meta.json.ts', seconds: expect.any(Number), bytes: expect.any(Number) }]);
  expect(json.loaders[0].bytes).toBeGreaterThan(2);
  expect(json.raw_files.map((f: { file: string }) => f.file)).toContain('enrolment.csv');
  expect(json.machine).toMatchObject({ nproc: expect.any(Number), cpu: expect.any(String), node: process.version, duckdb: expect.stringMatching(/\d/) });
  for (const s of Object.values(json.steps) as { seconds: number; peak_rss_mb: number }[]) {
    expect(s.seconds).toBeGreaterThan(0);
    expect(s.peak_rss_mb).toBeGreaterThan(10);
  }
}, 300_000);
