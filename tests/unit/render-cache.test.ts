/**
 * The cache of renders: what its keys depend on, and that an entry is read back whole or not at
 * all. That a warm build writes the same site as a cold one, and that a change rebuilds what it
 * should, is tested on real builds in tests/e2e/incremental.test.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { documentKey, pipelineInputs, sharedInputsDigest } from '../../src/content/pipeline-inputs.ts';
import { codeDigest, digestOf, forgetRemovedFolders, RenderCache, renderCacheDir, renderCacheRoot } from '../../src/content/render-cache.ts';
import { markdownProcessor, type PipelineOptions } from '../../src/plugins/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edition-render-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('digestOf', () => {
  test('tells apart lists whose parts join to the same text', () => {
    expect(digestOf(['ab', 'c'])).not.toBe(digestOf(['a', 'bc']));
    expect(digestOf(['a', ''])).not.toBe(digestOf(['a']));
    expect(digestOf(['ab', 'c'])).toBe(digestOf(['ab', 'c']));
  });
});

describe('codeDigest', () => {
  test('changes with a file of the code and with a new file, not with other folders', () => {
    const root = join(scratch, 'code');
    mkdirSync(join(root, 'src', 'plugins'), { recursive: true });
    mkdirSync(join(root, 'src', 'styles'), { recursive: true });
    writeFileSync(join(root, 'src', 'plugins', 'a.ts'), 'export const a = 1;\n');
    const paths = ['src/plugins'];
    const before = codeDigest(root, paths);
    writeFileSync(join(root, 'src', 'styles', 'edition.css'), 'p { color: red }\n');
    expect(codeDigest(root, paths)).toBe(before);
    writeFileSync(join(root, 'src', 'plugins', 'a.ts'), 'export const a = 2;\n');
    const changed = codeDigest(root, paths);
    expect(changed).not.toBe(before);
    writeFileSync(join(root, 'src', 'plugins', 'b.ts'), '\n');
    expect(codeDigest(root, paths)).not.toBe(changed);
  });
});

describe('the keys of renders', () => {
  const options: PipelineOptions = {
    base: '/',
    entities: [{ id: 'taiwan', spellings: ['Taiwan', 'Formosa'] }],
    bibliography: [{ id: 'frus-1958-60-v19', kind: 'primary', url: 'https://history.state.gov/historicaldocuments/frus1958-60v19' }],
  };
  const shared = sharedInputsDigest('code', options, undefined);
  const key = documentKey(shared, 'content/documents/a.md', '# A\n\nText.\n', { p1: { hash: 'x' } });

  test('a document is keyed by its bytes, its path and its published anchors', () => {
    expect(documentKey(shared, 'content/documents/a.md', '# A\n\nText.\n', { p1: { hash: 'x' } })).toBe(key);
    expect(documentKey(shared, 'content/documents/a.md', '# A\n\nText!\n', { p1: { hash: 'x' } })).not.toBe(key);
    expect(documentKey(shared, 'content/documents/b.md', '# A\n\nText.\n', { p1: { hash: 'x' } })).not.toBe(key);
    expect(documentKey(shared, 'content/documents/a.md', '# A\n\nText.\n', undefined)).not.toBe(key);
  });

  test('the code, a spelling, a work, the base path and the site address change every key', () => {
    const variants: [string, PipelineOptions, string | undefined][] = [
      ['other code', options, undefined],
      ['code', { ...options, entities: [{ id: 'taiwan', spellings: ['Taiwan'] }] }, undefined],
      ['code', { ...options, entities: [...(options.entities ?? []), { id: 'quemoy', spellings: [] }] }, undefined],
      ['code', { ...options, bibliography: [{ id: 'frus-1958-60-v19', kind: 'scholarly', url: 'https://history.state.gov/' }] }, undefined],
      ['code', { ...options, base: '/reader/' }, undefined],
      ['code', options, 'https://edition.example'],
    ];
    for (const [code, changed, site] of variants) expect(sharedInputsDigest(code, changed, site)).not.toBe(shared);
  });

  test("what the plugins do not read (an entity's gloss, a work's title) changes no key", () => {
    // What the configuration hands the plugins: whole entities and works, with more than they read.
    const taiwan = { id: 'taiwan', spellings: ['Taiwan', 'Formosa'], gloss: 'An island.' };
    const frus = {
      id: 'frus-1958-60-v19',
      kind: 'primary' as const,
      url: 'https://history.state.gov/historicaldocuments/frus1958-60v19',
      title: 'Foreign Relations',
    };
    const withMore: PipelineOptions = { ...options, entities: [taiwan], bibliography: [frus] };
    expect(sharedInputsDigest('code', withMore, undefined)).toBe(shared);
  });

  test('the configuration and the loader read the same inputs from a content folder', () => {
    const { options: read } = pipelineInputs('content', '/');
    expect(read.lockPath).toBe('content/anchors.lock.json');
    expect(Object.keys(read.lock)).toContain('antonov-mao-1959-10-14');
    expect(read.entities?.some((entity) => entity.id === 'mao-zedong')).toBe(true);
    expect(read.bibliography?.length).toBeGreaterThan(100);
  });

  test("the Markdown options, by which Astro keys every page, change with a spelling, not with a gloss, a work's title or the lock", () => {
    const dir = join(scratch, 'content-copy');
    cpSync('content', dir, { recursive: true });
    // What Astro's cache of pages sees of the options: their JSON, in the configuration's `markdown`.
    const seen = () => JSON.stringify(markdownProcessor(pipelineInputs(dir, '/').options));
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(dir, file), text.replace(from, to));
    };
    const before = seen();
    expect(before).toContain('"mao-zedong"');
    edit('entities/people.yaml', 'the party’s highest office', 'the highest office of the party');
    edit('bibliography.yaml', 'translated by Vladislav M. Zubok', 'translated by V. M. Zubok');
    edit('anchors.lock.json', '"antonov-mao-1959-10-14"', '"antonov-mao-1959-10-14-x": {}, "antonov-mao-1959-10-14"');
    expect(Object.keys(pipelineInputs(dir, '/').options.lock)).toContain('antonov-mao-1959-10-14-x');
    expect(seen()).toBe(before);
    edit('entities/places.yaml', '  spellings:\n    - Himalayas\n', '  spellings:\n    - Himalayas\n    - Tibetan population\n');
    expect(seen()).not.toBe(before);
  });
});

describe('RenderCache', () => {
  test('reads back what it wrote, and an entry without its citations as none', async () => {
    const cache = new RenderCache(scratch, 'entries');
    expect(cache.recorded('k1')).toBeUndefined();
    expect(cache.has('k1')).toBe(false);
    expect(cache.isEmpty()).toBe(true);
    await cache.write('k1', { html: '<p>Text.</p>', frontmatter: { mentions: [] } }, { url: '/documents/a/' });
    expect(cache.has('k1')).toBe(true);
    expect(cache.isEmpty()).toBe(false);
    expect(cache.recorded('k1')).toEqual({ mentions: [] });
    expect(cache.html('k1')).toBe('<p>Text.</p>');
    expect(cache.citations('k1')).toEqual({ url: '/documents/a/' });
    rmSync(join(cache.dir, 'k1.citations.json'));
    expect(cache.recorded('k1')).toBeUndefined();
    expect(cache.has('k1')).toBe(false);
    expect(cache.isEmpty()).toBe(true);
  });

  test('prunes every entry the last build did not use, and leaves no partial file', async () => {
    const cache = new RenderCache(scratch, 'pruned');
    await Promise.all(['k1', 'k2', 'k3'].map((key) => cache.write(key, { html: key, frontmatter: {} }, {})));
    expect(cache.prune(new Set(['k2']))).toBe(6);
    expect(readdirSync(cache.dir).sort()).toEqual(['content-folder.txt', 'k2.citations.json', 'k2.html', 'k2.json']);
  });

  test("a content folder's cache goes once the folder is gone, and only then", async () => {
    mkdirSync(join(scratch, 'kept'));
    mkdirSync(join(scratch, 'removed'));
    const kept = new RenderCache(scratch, 'kept');
    const removed = new RenderCache(scratch, 'removed');
    await kept.write('k1', { html: '', frontmatter: {} }, {});
    await removed.write('k1', { html: '', frontmatter: {} }, {});
    forgetRemovedFolders(scratch);
    expect(kept.recorded('k1')).toBeDefined();
    expect(removed.recorded('k1')).toBeDefined();
    rmSync(join(scratch, 'removed'), { recursive: true });
    const record = join(renderCacheRoot(scratch), 'output-folder-0123456789abcdef.json');
    writeFileSync(record, '{}');
    forgetRemovedFolders(scratch);
    expect(kept.recorded('k1')).toBeDefined();
    expect(removed.recorded('k1')).toBeUndefined();
    // An output folder's record beside the caches is not a removed collection's.
    expect(readFileSync(record, 'utf8')).toBe('{}');
  });

  test('each content folder has a folder of its own', () => {
    expect(renderCacheDir('.', 'content')).not.toBe(renderCacheDir('.', 'bench/scratch/collection-100'));
    expect(renderCacheDir('.', 'content')).toBe(renderCacheDir('.', './content'));
  });
});
