import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';
import { serveDirectory } from './staticServer';

/** Builds the renderer once, serves it on loopback, and tells the tests where (and which Chromium to use). */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const { build } = await import('vite');
  const root = resolve(import.meta.dirname, '../..');
  await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { sourcemap: false } });
  const server = await serveDirectory(resolve(root, 'dist/renderer'));
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return () => server.close();
}
