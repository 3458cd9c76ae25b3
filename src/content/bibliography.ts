/**
 * The bibliography and the source policy (docs/sources.md): reading content/bibliography.yaml
 * and content/blocked-hosts.yaml with every problem at its file, line and column, and checking
 * the citations of the registry, the notes and the documents' related records against them.
 * Every check runs to the end and returns all it found, so that an author sees every problem of
 * a run at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { type BlockedHost, blockedHostSchema, substantiveKinds, type Work, type WorkKind, workKinds, workSchema } from '../schemas/bibliography.ts';
import type { EntityRef } from '../plugins/remark-entity-mentions.ts';
import type { SourceRef } from '../plugins/remark-source-links.ts';
import type { Entity } from '../schemas/entity.ts';
import { type Citation, type CitingEntity, collectEntities } from './entities.ts';
import { formatProblems, issueProblems, type PlacedProblem, parseYaml, placeOf, type YamlProblem } from './yaml-problems.ts';

export const bibliographyFile = 'bibliography.yaml';
export const blockedHostsFile = 'blocked-hosts.yaml';

export type { PlacedProblem };

/** A work with where it is defined, for messages. */
export interface LocatedWork {
  work: Work;
  path: string;
  line: number;
  column: number;
}

/**
 * An entry of the bibliography as far as it can be read, valid or not: citations of an entry
 * that has a problem of its own are not reported again as citations of an unknown work.
 */
export interface ListedWork {
  id: string;
  /** Undefined when the entry's kind is missing or wrong (that problem is reported at the entry). */
  kind: WorkKind | undefined;
  document: string | undefined;
  path: string;
  line: number;
  column: number;
}

/** A document's citations: the works its notes cite, and its related records, each at its place. */
export interface CitingDocument {
  /** Undefined when the frontmatter cannot be read (that is reported by the frontmatter check). */
  slug: string | undefined;
  path: string;
  /** Ids the notes cite (as remark-source-links records them). */
  notes: readonly string[];
  related: readonly Citation[];
}

const placed = (path: string, problems: readonly YamlProblem[]): PlacedProblem[] => problems.map((problem) => ({ path, ...problem }));

/** The YAML text as a list of entries, or the problem that it is not one. */
function entries(yaml: string, path: string, example: string) {
  const parsed = parseYaml(yaml);
  if (parsed.problems.length > 0) return { parsed, records: [] as unknown[], problems: [...parsed.characters, ...parsed.problems] };
  const records: unknown = parsed.document.toJS();
  if (records === null || records === undefined) return { parsed, records: [] as unknown[], problems: [...parsed.characters] };
  if (!Array.isArray(records)) {
    return {
      parsed,
      records: [] as unknown[],
      problems: [...parsed.characters, { line: 1, column: 1, message: `${path} must be a list of entries, each starting with "${example}".` }],
    };
  }
  return { parsed, records: records as unknown[], problems: [...parsed.characters] as YamlProblem[] };
}

/** Reads the list of blocked hosts. Pure: text in, hosts and problems out. */
export function parseBlockedHosts(yaml: string, path: string): { hosts: BlockedHost[]; problems: YamlProblem[] } {
  const { parsed, records, problems } = entries(yaml, path, '- host: …');
  const hosts: BlockedHost[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const result = blockedHostSchema.safeParse(record);
    if (!result.success) {
      problems.push(...issueProblems(parsed, result.error.issues, [index]));
      return;
    }
    const place = placeOf(parsed, [index, 'host']);
    const earlier = seen.get(result.data.host);
    if (earlier !== undefined) {
      problems.push({ ...place, message: `host "${result.data.host}" is already listed on line ${earlier}: keep one entry.` });
      return;
    }
    seen.set(result.data.host, place.line);
    hosts.push(result.data);
  });
  return { hosts, problems };
}

/** A url as compared for duplicates: the parser's form (lowercase host), without a trailing slash. */
function comparableUrl(url: string): string {
  try {
    return new URL(url).href.replace(/\/(?=$|[?#])/, '');
  } catch {
    return url;
  }
}

/**
 * Reads the bibliography: each work checked against the schema and the blocked hosts; ids and
 * urls unique. Pure: text in, works and problems out.
 */
export function parseBibliography(
  yaml: string,
  path: string,
  blocked: readonly BlockedHost[] = [],
): { works: LocatedWork[]; listed: ListedWork[]; problems: YamlProblem[] } {
  const { parsed, records, problems } = entries(yaml, path, '- id: …');
  const schema = workSchema(blocked);
  const works: LocatedWork[] = [];
  const listed: ListedWork[] = [];
  const ids = new Map<string, number>();
  const urls = new Map<string, { line: number; id: string }>();
  records.forEach((record, index) => {
    const fields = record !== null && typeof record === 'object' ? (record as Record<string, unknown>) : {};
    if (typeof fields['id'] === 'string') {
      const kind = workKinds.find((name) => name === fields['kind']);
      const document = typeof fields['document'] === 'string' ? fields['document'] : undefined;
      listed.push({ id: fields['id'], kind, document, path, ...placeOf(parsed, [index]) });
    }
    const result = schema.safeParse(record);
    if (!result.success) {
      problems.push(...issueProblems(parsed, result.error.issues, [index]));
      return;
    }
    const work = result.data;
    const place = placeOf(parsed, [index, 'id']);
    const earlier = ids.get(work.id);
    if (earlier !== undefined) {
      problems.push({
        ...place,
        message: `id "${work.id}" is already used on line ${earlier}. Every work appears once: merge the two entries, or give this one its own id.`,
      });
      return;
    }
    ids.set(work.id, place.line);
    if (work.url !== undefined) {
      const url = comparableUrl(work.url);
      const same = urls.get(url);
      if (same) {
        problems.push({
          ...placeOf(parsed, [index, 'url']),
          message: `url is already the url of "${same.id}" (line ${same.line}): the same work is listed twice. Keep one entry and cite its id; put pinpoints in the citation ("at", or the link text), not in a second entry.`,
        });
      } else {
        urls.set(url, { line: place.line, id: work.id });
      }
    }
    works.push({ work, path, ...placeOf(parsed, [index]) });
  });
  return { works, listed, problems };
}

/** The bibliography and the blocked hosts of a content folder; a missing file is an empty list. */
export function collectBibliography(dir: string): { works: LocatedWork[]; listed: ListedWork[]; hosts: BlockedHost[]; problems: PlacedProblem[] } {
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  const hostsPath = join(dir, blockedHostsFile);
  const blocked = parseBlockedHosts(read(hostsPath), hostsPath);
  const bibliographyPath = join(dir, bibliographyFile);
  const bibliography = parseBibliography(read(bibliographyPath), bibliographyPath, blocked.hosts);
  return {
    works: bibliography.works,
    listed: bibliography.listed,
    hosts: blocked.hosts,
    problems: [...placed(hostsPath, blocked.problems), ...placed(bibliographyPath, bibliography.problems)],
  };
}

/**
 * The registry's citations against the bibliography: each cited id exists, and every entry
 * cites at least one primary source or work of scholarship.
 */
export function entityCitationProblems(works: readonly ListedWork[], entities: readonly CitingEntity[]): PlacedProblem[] {
  const byId = new Map(works.map((work) => [work.id, work]));
  const problems: PlacedProblem[] = [];
  for (const entity of entities) {
    const unknown = entity.sources.filter((citation) => !byId.has(citation.source));
    for (const citation of unknown) {
      problems.push({
        ...where(citation),
        message: `"${entity.id}" cites source "${citation.source}", which is not in content/bibliography.yaml. Use the id of a work there, or add the work.`,
      });
    }
    // An unknown id may be a primary source misspelt: say so first, judge the kinds after.
    if (entity.sources.length === 0 || unknown.length > 0) continue;
    // A work whose kind is wrong is reported at its entry; it is not judged here.
    const kinds = entity.sources.map((citation) => byId.get(citation.source)?.kind);
    if (!kinds.some((kind) => kind === undefined || substantiveKinds.has(kind))) {
      problems.push({
        ...where(entity),
        message: `"${entity.id}" cites only reference works (${entity.sources.map((citation) => citation.source).join(', ')}): an encyclopedia or authority file may stand beside a primary source or scholarship, never alone. Add one that confirms the entry's substance, or leave the claim out and record it in "unverified".`,
      });
    }
  }
  return problems;
}

/** The documents' related records against the bibliography: each id exists. */
export function relatedRecordProblems(works: readonly ListedWork[], documents: readonly Pick<CitingDocument, 'related'>[]): PlacedProblem[] {
  const ids = new Set(works.map((work) => work.id));
  return documents.flatMap((document) =>
    document.related
      .filter((citation) => !ids.has(citation.source))
      .map((citation) => ({
        ...where(citation),
        message: `relatedRecords cites "${citation.source}", which is not in content/bibliography.yaml. Use the id of a work there, or add the record.`,
      })),
  );
}

/**
 * What only the whole collection can tell: a work nobody cites (an entry, a note, a related
 * record), and a work that names a document the collection does not have.
 */
export function collectionProblems(works: readonly ListedWork[], entities: readonly CitingEntity[], documents: readonly CitingDocument[]): PlacedProblem[] {
  const cited = citedIds(entities, documents);
  const slugs = new Set(documents.map((document) => document.slug));
  // With a document's slug unreadable, a work naming it cannot be judged.
  const allSlugs = !slugs.has(undefined);
  const problems: PlacedProblem[] = [];
  for (const work of works) {
    if (allSlugs && work.document !== undefined && !slugs.has(work.document)) {
      problems.push({
        ...where(work),
        message: `"${work.id}" names document "${work.document}", which is not a slug of content/documents/. Use the slug in that document's frontmatter.`,
      });
    }
    if (!cited.has(work.id)) {
      problems.push({ ...where(work), message: `"${work.id}" is cited nowhere (no entry, note or related record). Cite it where it was read, or remove it.` });
    }
  }
  return problems;
}

/** Every id cited by the registry, the notes and the related records. */
export function citedIds(entities: readonly CitingEntity[], documents: readonly Pick<CitingDocument, 'notes' | 'related'>[]): Set<string> {
  return new Set([
    ...entities.flatMap((entity) => entity.sources.map((citation) => citation.source)),
    ...documents.flatMap((document) => [...document.notes, ...document.related.map((citation) => citation.source)]),
  ]);
}

export type SourceCounts = Record<WorkKind, number> & { total: number };

/** How many of the works are cited, by kind. */
export function countCited(works: readonly Pick<LocatedWork, 'work'>[], cited: ReadonlySet<string>): SourceCounts {
  const counts: SourceCounts = { total: 0, primary: 0, scholarly: 0, reference: 0 };
  for (const { work } of works) {
    if (!cited.has(work.id)) continue;
    counts.total++;
    counts[work.kind]++;
  }
  return counts;
}

/** The line the build prints: "Sources: 142 works cited — 81 primary, 49 scholarly, 12 reference". */
export function sourceCountLine(counts: SourceCounts): string {
  return `Sources: ${counts.total} ${counts.total === 1 ? 'work' : 'works'} cited — ${workKinds.map((kind) => `${counts[kind]} ${kind}`).join(', ')}`;
}

/** A document's related records with their places, read from its frontmatter whatever else is wrong in it. */
export function relatedRecordCitations(markdown: string, path: string): Citation[] {
  const block = extractFrontmatter(markdown);
  if (block === undefined) return [];
  // The YAML starts on the line after the opening "---".
  const parsed = parseYaml(block.replace(/^\r?\n/, ''), 2);
  if (parsed.problems.length > 0) return [];
  const data: unknown = parsed.document.toJS();
  const records = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['relatedRecords'] : undefined;
  if (!Array.isArray(records)) return [];
  return records.flatMap((record: unknown, index) => {
    const source = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)['source'] : undefined;
    return typeof source === 'string' ? [{ source, path, ...placeOf(parsed, ['relatedRecords', index, 'source'], 2) }] : [];
  });
}

/** Problems as lines `file:line:column  message`, by file and line, under one heading per file. */
export function formatPlacedProblems(problems: readonly PlacedProblem[]): string {
  const byPath = new Map<string, PlacedProblem[]>();
  for (const problem of problems) byPath.set(problem.path, [...(byPath.get(problem.path) ?? []), problem]);
  return [...byPath]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, list]) =>
      formatProblems(
        `${path} is wrong:`,
        path,
        [...list].sort((a, b) => a.line - b.line || a.column - b.column),
      ),
    )
    .join('\n');
}

/**
 * The registry and the bibliography as the build's configuration reads them (astro.config.mjs):
 * the valid entities and works, and what the Markdown pipeline is to know of them. It never
 * throws: the problems of both are reported with every other problem of the content by the
 * documents loader (src/loaders/documents.ts), so that one build names them all.
 *
 * The pipeline also knows the entries that have a problem of their own, by id, so that a
 * document citing them is not reported a second time for citing an unknown entity or work.
 */
export function readRegistryAndBibliography(dir: string): { entities: Entity[]; works: Work[]; entityRefs: EntityRef[]; sourceRefs: SourceRef[] } {
  const bibliography = collectBibliography(dir);
  const registry = collectEntities(join(dir, 'entities'));
  const entities = registry.located.map(({ entity }) => entity);
  const works = bibliography.works.map(({ work }) => work);
  const validEntities = new Set(entities.map((entity) => entity.id));
  const validWorks = new Set(works.map((work) => work.id));
  return {
    entities,
    works,
    // Only what the plugins read: Astro keys its whole cache of pages by the Markdown options,
    // so a gloss or a work's title in them would make every page render again.
    entityRefs: [
      ...entities.map(({ id, spellings }) => ({ id, spellings })),
      ...registry.citing.filter((entry) => !validEntities.has(entry.id)).map((entry) => ({ id: entry.id, spellings: [] })),
    ],
    sourceRefs: [
      ...works.map(({ id, kind, url, document }) => ({ id, kind, url, document })),
      ...bibliography.listed.filter((work) => !validWorks.has(work.id)).map((work) => ({ id: work.id, kind: work.kind ?? 'primary', document: work.document })),
    ],
  };
}

/** Reads the bibliography of a content folder; throws one message naming every problem. */
export function readBibliography(dir: string): Work[] {
  const { works, problems } = collectBibliography(dir);
  if (problems.length > 0) throw new Error(formatPlacedProblems(problems));
  return works.map(({ work }) => work);
}

function where(item: { path: string; line: number; column: number }): Omit<PlacedProblem, 'message'> {
  return { path: item.path, line: item.line, column: item.column };
}
