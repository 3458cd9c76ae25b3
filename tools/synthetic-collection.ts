/**
 * Makes synthetic documents out of a real one, for measuring how the edition scales: each is
 * a reordered selection of the source's paragraphs, under a varied date, with some names swapped
 * for other names of the registry (so mentions, entity pages and search spread over the
 * registry), and with the notes its paragraphs reference. The output is valid content for the
 * build: frontmatter under the document schema, paragraph ids, footnotes defined once each.
 *
 * Pure: the caller reads the source and the registry and writes the files.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readEntities } from '../src/content/entities.ts';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';

/** A block of the source Markdown: a paragraph with its id, a heading, a footnote definition. */
interface Block {
  kind: 'intro' | 'body' | 'other';
  text: string;
}

export interface SyntheticSource {
  /** The source document's Markdown, frontmatter included. */
  markdown: string;
  /** Registry spellings by entity kind, e.g. { person: ["Nehru", …], place: ["Tibet", …] }. */
  spellings: Record<'person' | 'place', string[]>;
}

/** A small, seedable generator, so that a collection of N documents is the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const footnoteDefinition = /^\[\^([^\]]+)\]:/;
const paragraphId = /\{#([a-z0-9-]+)(?: \.[a-z-]+)*\}\s*$/;

/** Splits the body into paragraphs (intro or record body) and footnote definitions by id. */
export function sourceBlocks(markdown: string): { blocks: Block[]; footnotes: Map<string, string> } {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const blocks: Block[] = [];
  const footnotes = new Map<string, string>();
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk.trim().split('\n');
    if (lines.every((line) => footnoteDefinition.test(line))) {
      for (const line of lines) footnotes.set(footnoteDefinition.exec(line)?.[1] ?? '', line);
      continue;
    }
    const text = chunk.trim();
    const id = paragraphId.exec(text)?.[1] ?? '';
    // Body paragraphs carry a bare {#pN}: the record's head, date line, title, signature and
    // archival line carry a class and are not reused.
    const kind = /^intro-\d+$/.test(id) && !/\.credit/.test(text) ? 'intro' : /\{#p\d+\}\s*$/.test(text) ? 'body' : 'other';
    blocks.push({ kind, text });
  }
  return { blocks, footnotes };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces whole-word occurrences of `from` with `to` in running text only: not inside a link
 * target `](…)`, a footnote reference `[^…]` or a paragraph marker `{#…}`.
 */
export function swapName(text: string, from: string, to: string): string {
  const protectedParts = /(\]\([^)]*\)|\[\^[^\]]*\]|\{#[^}]*\})/;
  const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(from)}(?![\\p{L}\\p{N}])`, 'gu');
  return text
    .split(protectedParts)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(word, to)))
    .join('');
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export interface SyntheticDocument {
  fileName: string;
  markdown: string;
}

/** Document `index` (1-based) of a synthetic collection. */
export function syntheticDocument(source: SyntheticSource, index: number, seed = 1959): SyntheticDocument {
  const random = seededRandom(seed * 100_003 + index);
  const { blocks, footnotes } = sourceBlocks(source.markdown);
  const intros = blocks.filter((block) => block.kind === 'intro');
  const bodies = blocks.filter((block) => block.kind === 'body');

  // Dates from the founding of the PRC to the end of the USSR.
  const first = Date.UTC(1949, 9, 1);
  const last = Date.UTC(1991, 11, 25);
  const day = 86_400_000;
  const conversation = first + Math.floor(random() * ((last - first) / day)) * day;
  const record = conversation + Math.floor(random() * 10) * day;

  const chosenIntros = shuffled(random, intros).slice(0, 1 + Math.floor(random() * 2));
  const chosenBodies = shuffled(random, bodies).slice(0, 6 + Math.floor(random() * (bodies.length - 5)));

  // Names the chosen paragraphs use, swapped for others of the same kind: one person, two places.
  const chosenText = [...chosenIntros, ...chosenBodies].map((block) => block.text).join('\n');
  const swaps: [string, string][] = [];
  for (const [kind, count] of [
    ['person', 1],
    ['place', 2],
  ] as const) {
    const names = source.spellings[kind];
    const present = names.filter((name) => swapName(chosenText, name, '\u0000') !== chosenText);
    for (let n = 0; n < count && present.length > 0; n++) swaps.push([pick(random, present), pick(random, names)]);
  }
  const vary = (text: string) => swaps.reduce((result, [from, to]) => swapName(result, from, to), text);

  const defined = new Set<string>();
  const withNotes = (text: string): string => {
    const notes = [...text.matchAll(/\[\^([^\]]+)\](?!:)/g)].map((match) => match[1] ?? '').filter((id) => !defined.has(id) && footnotes.has(id));
    for (const id of notes) defined.add(id);
    return notes.length > 0 ? `${text}\n\n${notes.map((id) => footnotes.get(id)).join('\n')}` : text;
  };
  const renumber = (text: string, id: string) => text.replace(paragraphId, `{#${id}}`);

  const number = String(index).padStart(5, '0');
  const slug = `synthetic-${number}`;
  const person = swaps[0]?.[1] ?? 'Mao Zedong';
  const year = isoDay(conversation).slice(0, 4);
  const frontmatter = [
    '---',
    `title: "Synthetic record ${number}: a conversation, ${year}"`,
    `slug: ${slug}`,
    'documentType: "Summary of a conversation (synthetic, for benchmarks)"',
    `conversationDate: "${isoDay(conversation)}"`,
    `recordDate: "${isoDay(record)}"`,
    'author:',
    '  name: "S. F. Antonov"',
    'participants:',
    `  - name: ${JSON.stringify(person)}`,
    '  - name: "S. F. Antonov"',
    'archive:',
    '  repository: "Synthetic Archive"',
    '  fond: "5"',
    `  opis: "${49 + Math.floor(random() * 10)}"`,
    `  delo: "${index}"`,
    `  listy: "1–${chosenBodies.length}"`,
    'publication:',
    '  title: "Synthetic collection"',
    '---',
  ].join('\n');
  const body = [
    '## Introduction {#introduction}',
    ...chosenIntros.map((block, n) => withNotes(renumber(vary(block.text), `intro-${n + 1}`))),
    '* * * * * *',
    '## Document {#document}',
    ...chosenBodies.map((block, n) => withNotes(renumber(vary(block.text), `p${n + 1}`))),
  ].join('\n\n');
  return { fileName: `${slug}.md`, markdown: `${frontmatter}\n\n${body}\n` };
}

/**
 * The bibliography for a synthetic collection. A work that is a record of this edition
 * (`document: <slug>`) would link to a page the collection does not have (its documents are
 * made from that record but are not it), so it is given an address under example.org instead:
 * every link of the collection then resolves, and every note and entry keeps its citation.
 */
export function syntheticBibliography(yaml: string): string {
  const document = parseDocument(yaml);
  if (!isSeq(document.contents)) return yaml;
  for (const item of document.contents.items) {
    if (!isMap(item)) continue;
    // Parsed maps are typed for parsed nodes only; a plain value is what is set here.
    const work = item as YAMLMap<unknown, unknown>;
    const slug = work.get('document');
    if (typeof slug !== 'string') continue;
    work.delete('document');
    work.set('url', `https://example.org/records/${slug}/`);
  }
  return String(document);
}

/** Writes `count` synthetic documents and the registry into `folder`, replacing what was there. */
export function writeSyntheticCollection(count: number, folder: string): void {
  const fromContent = relative(resolve('content'), resolve(folder));
  if (!fromContent.startsWith('..')) throw new Error(`${folder} is inside content/: write synthetic collections elsewhere, e.g. bench/scratch/.`);
  const entities = readEntities('content/entities');
  const spellingsOf = (type: string) => entities.filter((entity) => entity.type === type).flatMap((entity) => entity.spellings);
  const source = {
    markdown: readFileSync('content/documents/antonov-mao-1959-10-14.md', 'utf8'),
    spellings: { person: spellingsOf('person'), place: spellingsOf('place') },
  };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(`${folder}/documents`, { recursive: true });
  cpSync('content/entities', `${folder}/entities`, { recursive: true });
  // The sources the notes and the registry cite, so that the collection builds as content/ does.
  if (existsSync('content/blocked-hosts.yaml')) cpSync('content/blocked-hosts.yaml', `${folder}/blocked-hosts.yaml`);
  if (existsSync('content/bibliography.yaml'))
    writeFileSync(`${folder}/bibliography.yaml`, syntheticBibliography(readFileSync('content/bibliography.yaml', 'utf8')));
  for (let index = 1; index <= count; index++) {
    const { fileName, markdown } = syntheticDocument(source, index);
    writeFileSync(`${folder}/documents/${fileName}`, markdown);
  }
}
