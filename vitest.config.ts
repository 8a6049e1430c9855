import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // vitest's default is cores − 1 (one on a 2-core CI machine); most tests wait on DuckDB or Chromium
    maxWorkers: 2,
    env: { TZ: 'Asia/Shanghai', OBSERVABLE_TELEMETRY_DISABLE: '1' },
  },
});
