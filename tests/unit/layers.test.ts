/**
 * The layer rules of .dependency-cruiser.cjs (run over the project by `npm run deps`), shown to
 * catch what they forbid: a small tree with one import of each forbidden kind, cruised with the
 * project's own rules, names every rule once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, test } from 'vitest';

const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

const tree: Record<string, string> = {
  'src/lib/dates.ts': "import '../plugins/remark-x.ts';\nexport const a = 1;\n",
  'src/plugins/remark-x.ts': "import '../content/reader.ts';\nexport const b = 1;\n",
  'src/content/reader.ts': 'export const c = 1;\n',
  'src/pages/page.ts': "import '../../tests/helpers/h.ts';\n",
  'src/shared/terms.ts': "import '../lib/dates.ts';\n",
  'src/browser/panel.ts': "import 'node:fs';\nimport '../content/reader.ts';\n",
  'tools/serve.ts': "import '../tests/helpers/h.ts';\n",
  'scripts/command.ts': "import '../tests/helpers/h.ts';\n",
  'tests/helpers/h.ts': 'export const h = 1;\n',
  'tests/unit/x.test.ts': "import '../../scripts/command.ts';\n",
  'bench/run.ts': "import '../tests/helpers/h.ts';\n",
  'src/lib/one.ts': "import './two.ts';\nexport const one = 1;\n",
  'src/lib/two.ts': "import './one.ts';\nexport const two = 2;\n",
};

const dir = mkdtempSync(join(tmpdir(), 'layers-'));
for (const [path, code] of Object.entries(tree)) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), code);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the layer rules', () => {
  test('every forbidden import of the tree is named by its rule', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = await cruise(['src', 'tools', 'scripts', 'tests', 'bench'], {
        ruleSet: { forbidden: rules.forbidden ?? [] },
        validate: true,
        tsPreCompilationDeps: false,
      });
      const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
      const found = new Set((output.summary.violations as { rule: { name: string } }[]).map((violation) => violation.rule.name));
      expect([...found].sort()).toEqual((rules.forbidden ?? []).map((rule) => rule.name).sort());
    } finally {
      process.chdir(cwd);
    }
  });
});
