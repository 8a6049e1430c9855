// `ltci build`: load the policy catalog and config, run the SQL models, then the data tests.
import type { Command } from '../cli.ts';
import { loadConfig } from '../config.ts';
import { resolveDbPath, withWarehouse } from '../db.ts';
import { runDataTests, runModels } from '../models.ts';
import { loadPolicyCatalog } from '../policy/index.ts';

export const command: Command = {
  summary: 'Load the policy catalog, run the SQL models (staging → intermediate → marts) and the data tests in sql/tests/.',
  usage: 'ltci build [--db FILE]',
  options: { db: { type: 'string' } },
  async run({ values }) {
    const dbPath = resolveDbPath(values.db as string | undefined);
    return withWarehouse(dbPath, async ({ conn }) => {
      const t0 = performance.now();
      const log = (line: string) => console.log(line);
      log(`policy catalog → ${dbPath}`);
      await loadPolicyCatalog(conn, { progress: log });
      log('config → cfg_surplus_band');
      await loadConfig(conn, { progress: log });
      log('models:');
      await runModels(conn, { progress: log });
      log('data tests:');
      const tests = await runDataTests(conn, { progress: log });
      const failed = tests.filter((t) => t.failures > 0);
      for (const t of failed) {
        console.error(`data test failed: ${t.name} (${t.failures} rows), e.g.:`);
        for (const row of t.sample) console.error(`  ${JSON.stringify(row)}`);
      }
      log(`build ${failed.length ? 'FAILED' : 'ok'} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${tests.length - failed.length}/${tests.length} data tests pass`);
      return failed.length ? 1 : 0;
    });
  },
};
