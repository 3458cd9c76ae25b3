import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { documentsDir, entitiesDir } from '../../src/content/content-files.ts';
import { readEntities } from '../../src/content/entities.ts';
import { seededRandom, sourceBlocks, swapName, syntheticBibliography, syntheticDocument } from '../../tools/synthetic-collection.ts';
import { documentSchema } from '../../src/schemas/document.ts';

const entities = readEntities(entitiesDir);
const spellingsOf = (type: string) => entities.filter((entity) => entity.type === type).flatMap((entity) => entity.spellings);
const source = {
  markdown: readFileSync(`${documentsDir}/antonov-mao-1959-10-14.md`, 'utf8'),
  spellings: { person: spellingsOf('person'), place: spellingsOf('place') },
};
const documents = Array.from({ length: 40 }, (_, index) => syntheticDocument(source, index + 1));

describe('synthetic collection', () => {
  test('the source splits into introduction and body paragraphs and its notes', () => {
    const { blocks, footnotes } = sourceBlocks(source.markdown);
    expect(blocks.filter((block) => block.kind === 'intro')).toHaveLength(4);
    expect(blocks.filter((block) => block.kind === 'body').length).toBeGreaterThan(20);
    // Every note the source defines, by its label.
    const defined = [...source.markdown.matchAll(/^\[\^([^\]]+)\]:/gm)].map((match) => match[1]);
    expect(defined.length).toBeGreaterThan(0);
    expect([...footnotes.keys()].sort()).toEqual(defined.sort());
  });

  test('every document has valid frontmatter, its own slug and a date between 1949 and 1991', () => {
    const slugs = new Set<string>();
    for (const { fileName, markdown } of documents) {
      const data = documentSchema.parse(parseFrontmatter(markdown).frontmatter);
      expect(fileName).toBe(`${data.slug}.md`);
      slugs.add(data.slug);
      expect(data.conversationDate >= '1949-10-01' && data.conversationDate <= '1991-12-25').toBe(true);
      expect(data.recordDate >= data.conversationDate).toBe(true);
    }
    expect(slugs.size).toBe(documents.length);
    expect(new Set(documents.map(({ markdown }) => parseFrontmatter(markdown).frontmatter['conversationDate'])).size).toBeGreaterThan(30);
  });

  test('paragraphs are numbered in order, and every note is defined once and referenced', () => {
    for (const { markdown } of documents) {
      const ids = [...markdown.matchAll(/\{#(p\d+)\}/g)].map((match) => match[1]);
      expect(ids).toEqual(ids.map((_, index) => `p${index + 1}`));
      const defined = [...markdown.matchAll(/^\[\^([^\]]+)\]:/gm)].map((match) => match[1]);
      const referenced = new Set([...markdown.matchAll(/\[\^([^\]]+)\](?!:)/g)].map((match) => match[1]));
      expect(new Set(defined).size).toBe(defined.length);
      expect(new Set(defined)).toEqual(referenced);
    }
  });

  test('documents differ in their paragraphs, their order and their names', () => {
    const bodies = documents.map(({ markdown }) => markdown.split('## Document')[1]);
    expect(new Set(bodies).size).toBe(documents.length);
    const firstParagraphs = new Set(bodies.map((body) => body?.split('\n\n')[1]?.slice(0, 60)));
    expect(firstParagraphs.size).toBeGreaterThan(10);
    const swapped = documents.filter(({ markdown }) => parseFrontmatter(markdown).frontmatter['participants'][0].name !== 'Mao Tse-Tung');
    expect(swapped.length).toBeGreaterThan(30);
  });

  test('the same index gives the same document', () => {
    expect(syntheticDocument(source, 7)).toEqual(syntheticDocument(source, 7));
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  test('names are swapped in running text only, as whole words', () => {
    const text = 'Peking and [the Peking visit](entity:peking-visit)[^peking] {#p1 .peking} Pekingese';
    expect(swapName(text, 'Peking', 'Lhasa')).toBe('Lhasa and [the Lhasa visit](entity:peking-visit)[^peking] {#p1 .peking} Pekingese');
  });

  test('the bibliography keeps every work; a record of this edition gets an address of its own', () => {
    const yaml = [
      '# Works.',
      '- id: antonov-mao-1959-10-14',
      '  kind: primary',
      '  title: "This edition’s record"',
      '  document: antonov-mao-1959-10-14',
      '- id: frus-1958-60v19-d30',
      '  kind: primary',
      '  title: "FRUS"',
      '  url: https://history.state.gov/historicaldocuments/frus1958-60v19/d30',
      '',
    ].join('\n');
    const result = syntheticBibliography(yaml);
    expect(result).not.toContain('document:');
    expect(result).toContain('url: https://example.org/records/antonov-mao-1959-10-14/');
    expect(result).toContain('url: https://history.state.gov/historicaldocuments/frus1958-60v19/d30');
    expect(result.startsWith('# Works.')).toBe(true);
  });
});
