import { defineConfig } from 'vitest/config';

/** Browser tests: headless Chromium against the built example site (npm run test:e2e). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
