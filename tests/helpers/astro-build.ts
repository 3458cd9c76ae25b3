import { type SpawnSyncReturns, spawnSync } from 'node:child_process';

/**
 * Variables Vitest puts into process.env for the code under test (Vite's import.meta.env, and
 * NODE_ENV=test). A build started from a test must not inherit them: Astro would take
 * BASE_URL=/ over the configured base path, and build in test mode.
 */
const vitestVariables = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

/** Runs `astro build` into `outDir` as `npm run build` would, with `env` added; stopped after `timeout` ms. */
export function astroBuild(outDir: string, env: Record<string, string> = {}, timeout = 120_000): SpawnSyncReturns<string> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestVariables.includes(name)));
  return spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    timeout,
  });
}
