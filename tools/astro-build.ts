import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';

/**
 * Variables Vitest puts into process.env for the code under test (Vite's import.meta.env, and
 * NODE_ENV=test). A build started from a test must not inherit them: Astro would take
 * BASE_URL=/ over the configured base path, and build in test mode.
 */
const vitestVariables = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

/** The environment of a build started from a test or a script: this process's, cleaned, with `env` added. */
function buildEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestVariables.includes(name)));
  return { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env };
}

/**
 * Runs `astro build` into `outDir` as `npm run build` would, with `env` added. The timeout
 * (default two minutes, for tests) can be lifted for real collections with `timeout: undefined`.
 * `renderEveryPage` passes `--force`: Astro renders every page, copying none from its last
 * build (the documents' renders are still read back).
 */
export function astroBuild(
  outDir: string,
  env: Record<string, string> = {},
  options: { timeout?: number | undefined; renderEveryPage?: boolean } = { timeout: 120_000 },
): SpawnSyncReturns<string> {
  const timeout = 'timeout' in options ? options.timeout : 120_000;
  return spawnSync('npx', ['astro', 'build', '--outDir', outDir, ...(options.renderEveryPage ? ['--force'] : [])], {
    encoding: 'utf8',
    env: buildEnvironment(env),
    ...(timeout === undefined ? {} : { timeout }),
    // A large part's build log can pass spawnSync's 1 MB default.
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The same build without blocking this process, for a test that starts a browser while the site
 * builds. Resolves when the build ends, with its exit status (`null` if it was stopped at the
 * two-minute timeout) and its output.
 */
export function astroBuildInBackground(outDir: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const build = spawn('npx', ['astro', 'build', '--outDir', outDir], { env: buildEnvironment(env), timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    build.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    build.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    build.on('error', reject);
    build.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
