import { defineConfig } from 'vitest/config';

/**
 * `npm run test:chaos` (issue 18): production's faults inflicted on real processes (tests/chaos).
 * Apart from `npm test`: minutes long, and it takes both cores while it runs.
 */
export default defineConfig({
  test: {
    include: ['tests/chaos/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
