import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { createProcessor } from '../../src/plugins/index.ts';

export interface RenderOptions {
  remark?: PluggableList;
  rehype?: PluggableList;
  /** Frontmatter as Astro passes it to the plugins. */
  frontmatter?: Record<string, unknown>;
  path?: string;
  /**
   * Keep raw HTML written in the Markdown, as Astro does: remark-rehype's `allowDangerousHtml`
   * hands it to the rehype plugins as `raw` nodes, and rehype-raw parses it after them.
   * Off by default: the other plugins' snapshots were written without it.
   */
  rawHtml?: boolean;
}

/** Renders Markdown to HTML through the edition's processor (src/plugins/index.ts), with a fixture's plugins. */
export async function render(markdown: string, options: RenderOptions = {}): Promise<{ html: string; file: VFile }> {
  const file = new VFile({
    path: options.path ?? 'input.md',
    value: markdown,
    data: { astro: { frontmatter: options.frontmatter ?? {} } },
  });
  const result = await createProcessor({ remark: options.remark ?? [], rehype: options.rehype ?? [], rawHtml: options.rawHtml === true }).process(file);
  return { html: String(result.value), file: result };
}

export interface Fixture {
  name: string;
  dir: string;
  input: string;
  /** Present when the fixture must fail: the message (or its start) and the place, e.g. "3:1". */
  error?: { place: string; message: string };
  /** From `options.json`: the plugin's options and the frontmatter Astro would pass. */
  pluginOptions?: Record<string, unknown>;
  frontmatter?: Record<string, unknown>;
}

/**
 * Fixture folders named after behaviours: `input.md`, optionally `options.json`, and either
 * `output.html` (a file snapshot) or `error.txt` (first line the place "line:column", the rest
 * the start of the message).
 */
export function fixtures(dir: string): Fixture[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const fixtureDir = join(dir, entry.name);
      const errorPath = join(fixtureDir, 'error.txt');
      const fixture: Fixture = {
        name: entry.name,
        dir: fixtureDir,
        input: readFileSync(join(fixtureDir, 'input.md'), 'utf8'),
      };
      const optionsPath = join(fixtureDir, 'options.json');
      if (existsSync(optionsPath)) {
        const parsed = JSON.parse(readFileSync(optionsPath, 'utf8')) as Pick<Fixture, 'frontmatter'> & {
          options?: Record<string, unknown>;
        };
        if (parsed.options) fixture.pluginOptions = parsed.options;
        if (parsed.frontmatter) fixture.frontmatter = parsed.frontmatter;
      }
      if (existsSync(errorPath)) {
        const [place = '', ...message] = readFileSync(errorPath, 'utf8').trimEnd().split('\n');
        fixture.error = { place, message: message.join('\n') };
      }
      return fixture;
    });
}

/**
 * Runs every fixture of a plugin: output fixtures against their `output.html` snapshot (under
 * CI a missing snapshot fails), error fixtures against the message and place of the failure.
 */
export function describeFixtures(
  dir: string,
  pipeline: (fixture: Fixture) => RenderOptions,
  api: {
    test: (name: string, body: () => Promise<void>) => void;
    expect: typeof import('vitest').expect;
  },
): void {
  const { test, expect } = api;
  for (const fixture of fixtures(dir)) {
    const options = { ...pipeline(fixture), ...(fixture.frontmatter ? { frontmatter: fixture.frontmatter } : {}) };
    if (fixture.error) {
      const { place, message } = fixture.error;
      test(`${fixture.name}: fails at ${place}`, async () => {
        const failure = await render(fixture.input, options).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure, 'the build should fail').toBeInstanceOf(Error);
        const reason = failure as Error & { place?: { line: number; column: number } | { start: { line: number; column: number } } };
        expect(reason.message).toContain(message);
        const point = reason.place && 'start' in reason.place ? reason.place.start : reason.place;
        expect(point ? `${point.line}:${point.column}` : 'no place').toBe(place);
      });
    } else {
      test(fixture.name, async () => {
        const { html } = await render(fixture.input, options);
        await expect(html).toMatchFileSnapshot(join(fixture.dir, 'output.html'));
      });
    }
  }
}
