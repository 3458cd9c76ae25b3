/**
 * The layers of the project, checked in `npm test` (`npm run deps`): which folder may import
 * which. The product (src/) never imports the tooling; the tools that build, serve and drive a
 * site (tools/) import no test, script or benchmark; scripts import no test; the pure helpers
 * (src/lib/) import no plugin and no content reader; what the browser runs (src/browser/,
 * src/shared/) imports only what the browser can run. Type-only imports are left out: they are
 * erased and tie nothing at run time.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'product-imports-no-tooling',
      comment: 'The site (src/, astro.config.mjs) is built from its own code: tests, scripts, benchmarks and tools use it, never the other way round.',
      severity: 'error',
      from: { path: '^(src/|astro\\.config\\.mjs)' },
      to: { path: '^(tests|scripts|bench|tools)/' },
    },
    {
      name: 'tools-import-no-tests-scripts-or-bench',
      comment: 'tools/ is what tests, scripts and benchmarks share: it depends on none of them.',
      severity: 'error',
      from: { path: '^tools/', pathNot: '^tools/tests/' },
      to: { path: '^(tests|scripts|bench)/' },
    },
    {
      name: 'scripts-import-no-tests',
      comment: 'A command of the project does not run on test code; what both need is in tools/.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'tests-import-no-scripts',
      comment: 'Tests exercise the product and tools/; a script is a command, run as one.',
      severity: 'error',
      from: { path: '^tests/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'bench-imports-no-tests',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^(tests|scripts)/' },
    },
    {
      name: 'pure-helpers-import-no-pipeline-or-content',
      comment: 'src/lib holds pure helpers: data in, data out. The Markdown pipeline and the readers of content/ build on them.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(plugins|content|loaders|integrations|pages|components|layouts|data|browser)/' },
    },
    {
      name: 'plugins-read-no-content',
      comment: 'A plugin takes what it needs through its options; it never reads files or the content layer.',
      severity: 'error',
      from: { path: '^src/plugins/' },
      to: { path: '^src/(content|loaders|data|pages|components|layouts|integrations|browser)/' },
    },
    {
      name: 'shared-code-runs-in-the-browser',
      comment: 'src/shared is imported by the browser and by the build alike: it imports nothing but itself.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/' },
    },
    {
      name: 'browser-code-imports-browser-code',
      comment: 'What the browser runs imports what the browser can run: src/browser, src/shared and browser-safe packages.',
      severity: 'error',
      from: { path: '^src/browser/' },
      to: { path: '^src/(lib|content|plugins|loaders|integrations|data|schemas|pages|components|layouts)/' },
    },
    {
      name: 'no-node-builtins-in-the-browser',
      severity: 'error',
      from: { path: '^src/(browser|shared)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|bench/baselines|bench/scratch|\\.astro)' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    // Astro's virtual modules (astro:content) resolve at build time only.
    moduleSystems: ['es6', 'cjs'],
  },
};
