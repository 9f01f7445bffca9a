import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60000,
    // test/ui/schema-completion.test.ts runs monaco-yaml's worker with its Monaco bootstrap mocked:
    // the mock reaches the worker's imports only when the package goes through Vite.
    server: { deps: { inline: ['monaco-yaml'] } },
    setupFiles: ['test/support/setup.ts'],
  },
});
