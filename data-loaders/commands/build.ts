// `ltci build`: load the policy catalog and config, run the SQL models, then the data tests.
import type { Command } from './command.ts';
import { loadConfig } from '../config.ts';
import { createWarehouseTables, RETIRED_TABLES } from '../contract/index.ts';
import { resolveDbPath, withWarehouse } from '../db.ts';
import { runDataTests, runModels, type DataTestResult } from '../models.ts';
import { loadPolicyCatalog } from '../policy/index.ts';
import { recordProjection } from '../projection/history.ts';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export const command: Command = {
  summary:
    'Load the policy catalog, run every SQL model (staging → intermediate → marts) and the data tests in sql/tests/, ' +
    'all in one transaction: a failure keeps the previous build.',
  usage: 'ltci build [--db FILE]',
  options: { db: { type: 'string' } },
  async run({ values }) {
    const dbPath = resolveDbPath(values.db as string | undefined);
    return withWarehouse(dbPath, async ({ conn }) => {
      const t0 = performance.now();
      const log = (line: string) => console.log(line);
      // All or nothing: the catalog, the config, every model and the data tests in one transaction.
      // A model that fails or a data test that finds rows leaves the warehouse as it was, so the
      // dashboards never mix new marts with old ones or show numbers that failed their tests.
      await conn.run('begin transaction');
      let failed: DataTestResult[];
      let total: number;
      try {
        // A warehouse last ingested under an older contract lacks the newer (optional) kinds' raw
        // tables; the models read every kind, so any missing one is created empty (if not exists).
        log('contract tables (any missing raw_<kind> created empty; tables of older versions dropped)');
        for (const sql of createWarehouseTables()) await conn.run(sql);
        for (const name of RETIRED_TABLES) await conn.run(`drop table if exists ${name}`);
        log(`policy catalog → ${dbPath}`);
        await loadPolicyCatalog(conn, { progress: log, inTransaction: true });
        log('config → cfg_surplus_band');
        await loadConfig(conn, { progress: log });
        log('models:');
        await runModels(conn, { progress: log });
        log('data tests:');
        const tTests = performance.now();
        const tests = await runDataTests(conn, { progress: log });
        log(`  ${tests.length} data tests in ${seconds(tTests)} s`);
        failed = tests.filter((t) => t.failures > 0);
        total = tests.length;
        if (!failed.length) await recordProjection(conn, { progress: log });
      } catch (err) {
        await conn.run('rollback');
        throw new Error(`${(err as Error).message}\nnothing of this build was kept: the warehouse holds its previous build`);
      }
      for (const t of failed) {
        console.error(`data test failed: ${t.name} (${t.failures} rows), e.g.:`);
        for (const row of t.sample) console.error(`  ${JSON.stringify(row)}`);
      }
      if (failed.length) {
        await conn.run('rollback');
        console.error('nothing of this build was kept: the warehouse holds its previous build (run the failing tests\' SQL in sql/tests/ after fixing, or inspect with ltci sql)');
      } else {
        const tCommit = performance.now();
        await conn.run('commit');
        log(`committed in ${seconds(tCommit)} s`);
      }
      log(`build ${failed.length ? 'FAILED' : 'ok'} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${total - failed.length}/${total} data tests pass`);
      return failed.length ? 1 : 0;
    });
  },
};
