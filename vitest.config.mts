import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Chromium and mosquitto tests start real processes; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
