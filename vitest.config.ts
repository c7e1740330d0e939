import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources in tests: no build needed to test, and
  // never a stale dist/. Tests run server-side, so the condition must be set for SSR resolution too.
  resolve: { conditions: ['@ztkit/source'] },
  ssr: { resolve: { conditions: ['@ztkit/source'], externalConditions: ['@ztkit/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'actions/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
