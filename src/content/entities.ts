import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Entity, type EntityType, entityFiles, entitySchema, entityTypes } from '../schemas/entity.ts';
import { formatProblems, issueProblems, type PlacedProblem, parseYaml, placeOf, type YamlProblem } from './yaml-problems.ts';

/** An entity with where it is defined, for messages. */
export interface LocatedEntity {
  entity: Entity;
  path: string;
  line: number;
  column: number;
}

/** A work of the bibliography cited at a place of a file. */
export interface Citation {
  /** The id of the work. */
  source: string;
  path: string;
  line: number;
  column: number;
}

/**
 * An entry's citations, read from the YAML whether or not the entry is otherwise valid, so that
 * the bibliography can be checked against every entry an author wrote.
 */
export interface CitingEntity {
  /** The entry's id, or "entry <n>" when it has none. */
  id: string;
  path: string;
  line: number;
  column: number;
  sources: Citation[];
}

export interface EntityFileResult {
  entities: LocatedEntity[];
  citing: CitingEntity[];
  problems: YamlProblem[];
}

/** Reads one registry file: a YAML list of entities of one type. Pure: text in, entities and problems out. */
export function parseEntityFile(yaml: string, type: EntityType, path: string): EntityFileResult {
  const parsed = parseYaml(yaml);
  if (parsed.problems.length > 0) return { entities: [], citing: [], problems: [...parsed.characters, ...parsed.problems] };
  const records: unknown = parsed.document.toJS();
  if (records === null || records === undefined) return { entities: [], citing: [], problems: [...parsed.characters] };
  if (!Array.isArray(records)) {
    return {
      entities: [],
      citing: [],
      problems: [...parsed.characters, { line: 1, column: 1, message: `${path} must be a list of entries, each starting with "- id: …".` }],
    };
  }
  const entities: LocatedEntity[] = [];
  const citing: CitingEntity[] = [];
  const problems: YamlProblem[] = [...parsed.characters];
  records.forEach((record: unknown, index) => {
    const { line, column } = placeOf(parsed, [index]);
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      problems.push({ line, column: 1, message: 'Each entry must be a group of fields starting with "- id: …".' });
      return;
    }
    const fields = record as Record<string, unknown>;
    const sources = Array.isArray(fields['sources']) ? (fields['sources'] as unknown[]) : [];
    citing.push({
      id: typeof fields['id'] === 'string' ? fields['id'] : `entry ${index + 1}`,
      path,
      line,
      column,
      sources: sources.flatMap((item, position) => {
        const source = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)['source'] : undefined;
        return typeof source === 'string' ? [{ source, path, ...placeOf(parsed, [index, 'sources', position, 'source']) }] : [];
      }),
    });
    if ('type' in record) {
      problems.push({ ...placeOf(parsed, [index, 'type']), message: `Leave out "type": the file says it (${path} holds ${type} entries).` });
      return;
    }
    const result = entitySchema.safeParse({ type, ...record });
    if (result.success) entities.push({ entity: result.data, path, line, column });
    else problems.push(...issueProblems(parsed, result.error.issues, [index]));
  });
  return { entities, citing, problems };
}

/**
 * Checks the registry as a whole: ids unique, each spelling names one entity only (a spelling
 * shared by two entities is ambiguous and must be linked by hand), and abbreviations point at
 * existing entities.
 */
export function registryProblems(located: readonly LocatedEntity[]): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  const ids = new Map<string, LocatedEntity>();
  const spellings = new Map<string, LocatedEntity>();
  for (const item of located) {
    const { entity, path, line, column } = item;
    const earlier = ids.get(entity.id);
    if (earlier) problems.push({ path, line, column, message: `id "${entity.id}" is already used at ${earlier.path}:${earlier.line}. Ids must be unique.` });
    ids.set(entity.id, item);
    for (const spelling of entity.spellings) {
      const owner = spellings.get(spelling);
      if (owner && owner.entity.id !== entity.id) {
        problems.push({
          path,
          line,
          column,
          message: `spelling "${spelling}" of "${entity.id}" is also a spelling of "${owner.entity.id}" (${owner.path}:${owner.line}). Keep it on one entity, and link the other's mentions in the text by hand: [${spelling}](entity:${entity.id}).`,
        });
      }
      spellings.set(spelling, item);
    }
  }
  for (const { entity, path, line, column } of located) {
    if (entity.type === 'abbreviation' && entity.refersTo !== undefined && !ids.has(entity.refersTo)) {
      problems.push({ path, line, column, message: `"${entity.id}" refers to "${entity.refersTo}", which is not in the registry.` });
    }
  }
  return problems;
}

export interface RegistryResult {
  located: LocatedEntity[];
  citing: CitingEntity[];
  /** Each file's problems, at their places. */
  problems: PlacedProblem[];
  /** Problems of the registry as a whole (an id used twice, a spelling claimed twice…). */
  registry: PlacedProblem[];
  /** All of them, one block per file and one for the registry as a whole. */
  messages: string[];
}

/** Reads and checks the whole registry under `dir`, every file, without stopping at a problem. */
export function collectEntities(dir: string): RegistryResult {
  const located: LocatedEntity[] = [];
  const citing: CitingEntity[] = [];
  const problems: PlacedProblem[] = [];
  const messages: string[] = [];
  for (const type of entityTypes) {
    const path = join(dir, entityFiles[type].file);
    if (!existsSync(path)) continue;
    const result = parseEntityFile(readFileSync(path, 'utf8'), type, path);
    located.push(...result.entities);
    citing.push(...result.citing);
    problems.push(...result.problems.map((problem) => ({ path, ...problem })));
    if (result.problems.length > 0) messages.push(formatProblems(`${path} is wrong:`, path, result.problems));
  }
  const registry = registryProblems(located);
  if (registry.length > 0) messages.push(registryMessage(registry));
  return { located, citing, problems, registry, messages };
}

/** Reads and checks the whole registry under `dir`; throws one message listing every problem with its place. */
export function readEntities(dir: string): Entity[] {
  const { located, messages } = collectEntities(dir);
  if (messages.length > 0) throw new Error(messages.join('\n'));
  return located.map(({ entity }) => entity);
}

/** The registry's own problems as one message, a line each: `file:line:column  what to do`. */
export function registryMessage(problems: readonly PlacedProblem[]): string {
  return [
    'The registry of names and places is inconsistent:',
    ...problems.map((problem) => `  ${problem.path}:${problem.line}:${problem.column}  ${problem.message}`),
  ].join('\n');
}
