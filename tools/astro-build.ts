import { type SpawnSyncReturns, spawnSync } from 'node:child_process';

/**
 * Variables Vitest puts into process.env for the code under test (Vite's import.meta.env, and
 * NODE_ENV=test). A build started from a test must not inherit them: Astro would take
 * BASE_URL=/ over the configured base path, and build in test mode.
 */
const vitestVariables = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

/**
 * Runs `astro build` into `outDir` as `npm run build` would, with `env` added. The timeout
 * (default two minutes, for tests) can be lifted for real collections with `timeout: undefined`.
 */
export function astroBuild(outDir: string, env: Record<string, string> = {}, options: { timeout?: number | undefined } = { timeout: 120_000 }): SpawnSyncReturns<string> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestVariables.includes(name)));
  return spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    // A large part's build log can pass spawnSync's 1 MB default.
    maxBuffer: 64 * 1024 * 1024,
  });
}
