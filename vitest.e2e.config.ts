import { defineConfig } from 'vitest/config';

// Browser tests: a real Chromium driven by playwright-core against the built site (dist/).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
