import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    projects: [
      {
        test: { name: 'shared', environment: 'node', include: ['shared/**/*.test.ts'] },
      },
      {
        test: { name: 'electron', environment: 'node', include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'] },
      },
      {
        // Multi-desk sync simulations on temp folders (and a real SMB share): docs/sync.md "Tests".
        test: {
          name: 'sync',
          environment: 'node',
          include: ['test/sync/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        define: { __APP_VERSION__: JSON.stringify('test') },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test/setup.ts'],
          // Keyboard-typed forms take seconds in jsdom on a loaded 2-core machine; a hang still fails.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
