/**
 * The registry of names and places: each fixture folder is a content/entities/ folder; an
 * error.txt gives the expected place (`line:column`, or `file:line` for checks across files)
 * and the start of the message an editor reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readEntities } from '../../src/content/entities.ts';

const root = fileURLToPath(new URL('fixtures/entities', import.meta.url));

describe('the registry of names and places', () => {
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const errorPath = join(dir, 'error.txt');
    if (!existsSync(errorPath)) {
      test(`${name}: is read`, () => {
        const entities = readEntities(dir);
        expect(entities.map((entity) => `${entity.type}:${entity.id}`).sort()).toEqual(['abbreviation:abbr-cpr', 'person:mao-zedong', 'place:kinmen']);
        const mao = entities.find((entity) => entity.id === 'mao-zedong');
        expect(mao?.type === 'person' && mao.born).toBe('1893-12-26');
      });
      continue;
    }
    const [place = '', ...message] = readFileSync(errorPath, 'utf8').trimEnd().split('\n');
    const expected = message.length > 0 ? message.join('\n') : place;
    test(`${name}: fails with its place and what to do`, () => {
      let failure: unknown;
      try {
        readEntities(dir);
      } catch (error) {
        failure = error;
      }
      expect(failure, 'reading must fail').toBeInstanceOf(Error);
      const text = (failure as Error).message;
      if (message.length > 0) expect(text).toMatch(new RegExp(`\\.yaml:${place.replace(':', ':')}  `));
      expect(text).toContain(expected);
    });
  }
});
