import { defineConfig } from 'vitest/config';

// The same suite runs on SQLite always and on PostgreSQL when TUANWU_TEST_DATABASE_URL names a
// server where the tests may create and drop their own databases.
const engines = ['sqlite', ...(process.env.TUANWU_TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    projects: engines.map((engine) => ({
      test: {
        name: engine,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        env: { TUANWU_TEST_ENGINE: engine },
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
        // Browser tests start servers and Chromium; keep them on one worker per engine.
        fileParallelism: true,
      },
    })),
  },
});
