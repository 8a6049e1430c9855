// Built once per test run and shared by the integration and browser tests: a tiny demo delivery,
// the warehouse built from it, and the dashboards site built offline on that warehouse.
// LTCI_TEST_DB (+ LTCI_TEST_DELIVERY, LTCI_TEST_SITE) reuse existing ones instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestSite, demoWarehouse } from './support/demoWarehouse.ts';

export default async function setup(): Promise<() => void> {
  // Resident-ID keys of the test warehouses live in a folder of this run's (never the home folder,
  // never one test's key for another's warehouse). Workers and child processes inherit it.
  const keys = process.env.LTCI_KEY_DIR ? undefined : mkdtempSync(join(tmpdir(), 'ltci-test-keys-'));
  if (keys) process.env.LTCI_KEY_DIR = keys;
  const removeKeys = () => keys && rmSync(keys, { recursive: true, force: true });
  if (process.env.LTCI_TEST_DB) return removeKeys;
  // The test site carries the reports of the latest 3 months (and the year of a December among
  // them), not 24: each PDF costs Chromium about a second, and the tests read the latest ones.
  process.env.LTCI_REPORT_MONTHS ??= '3';
  const tmp = mkdtempSync(join(tmpdir(), 'ltci-test-'));
  const t0 = performance.now();
  const wh = await demoWarehouse(tmp);
  const site = await buildTestSite(wh.db, join(tmp, 'site'));
  // Workers are started after this, with this environment.
  process.env.LTCI_TEST_DB = wh.db;
  process.env.LTCI_TEST_DELIVERY = wh.delivery!;
  process.env.LTCI_TEST_SITE = site;
  console.log(`test warehouse and site built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${tmp}`);
  return () => {
    rmSync(tmp, { recursive: true, force: true });
    removeKeys();
  };
}
