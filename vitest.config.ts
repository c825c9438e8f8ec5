import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.spec.ts'],
    // Files that other tests read or lint, not tests (test/fixtures/lint mirrors src/).
    exclude: [...configDefaults.exclude, 'test/fixtures/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only contend for the CPU and the databases.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
