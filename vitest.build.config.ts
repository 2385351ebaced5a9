import { defineConfig } from 'vitest/config';

// Checks of the built extension (.output/): manifests, CSP, what the bundles contain. Run after `wxt build`.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    globals: true,
    environment: 'node',
    testTimeout: 180_000,
  },
});
