import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    env: { TZ: 'Asia/Shanghai', OBSERVABLE_TELEMETRY_DISABLE: '1' },
  },
});
