import type { Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Mention } from '../lib/mentions.ts';
import { toString as nodeText } from 'mdast-util-to-string';

export type { Mention } from '../lib/mentions.ts';

/** What the plugin needs to know of an entity. */
export interface EntityRef {
  id: string;
  /** Spellings linked automatically wherever they occur in the text, exactly as printed. */
  spellings: readonly string[];
}

export interface Options {
  /** The registry. Default: none, so every `entity:` link fails. */
  entities?: readonly EntityRef[];
  /** The URL of an entity's page. Default: `/entities/<id>/`. */
  entityUrl?: (id: string) => string;
}

declare module 'vfile' {
  interface DataMap {
    /** Every mention of a registry entity in the numbered paragraphs; set by remark-entity-mentions. */
    mentions: Mention[];
  }
}

/**
 * Links the mentions of people, places and other registry entities in the text. Explicit
 * links, `[the Embassy](entity:us-embassy-taipei)`, name the entity where a spelling is
 * ambiguous or a description stands for it (`[text](entity:none)` marks words that must not be
 * linked); elsewhere every registry spelling is found, longest first. The first mention of an
 * entity in a paragraph becomes a link to its page; later ones stay plain text, so that neither
 * the keyboard nor the eye is flooded with links. Records every mention with its paragraph and sentence in
 * `file.data.mentions` (and in the frontmatter Astro returns, as `mentions`).
 *
 * Run after remark-paragraph-ids (it reads the paragraph ids) and remark-insertions.
 * An `entity:` link to an id the registry lacks is a problem at its line (src/plugins/report-problems.ts).
 */
const remarkEntityMentions: Plugin<[Options?], Root> = (options = {}) => {
  const entities = options.entities ?? [];
  const known = new Set(entities.map((entity) => entity.id));
  const entityUrl = options.entityUrl ?? ((id: string) => `/entities/${id}/`);
  const matcher = spellingMatcher(entities);

  return (tree, file) => {
    const mentions: Mention[] = [];
    visit(tree, (node) => {
      if (node.type === 'paragraph' && node.data?.paragraph !== undefined) {
        const linked = new Set<string>();
        const found: Found[] = [];
        transformChildren(node, { file, known, matcher, entityUrl, linked, found, auto: true });
        mentions.push(...describe(node, found));
        unwrapLaterMentions(node, found);
        return SKIP;
      }
      // Outside numbered paragraphs (notes, headings) only explicit links are turned into links.
      if (node.type === 'footnoteDefinition' || node.type === 'heading' || node.type === 'paragraph') {
        transformChildren(node, { file, known, matcher, entityUrl, linked: new Set(), found: [], auto: false });
        return SKIP;
      }
      return undefined;
    });
    file.data.mentions = mentions;
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['mentions'] = mentions;
  };
};

export default remarkEntityMentions;

interface Found {
  /** The mention node, marked so its text can be found again. */
  node: PhrasingContent;
  ids: string[];
}

interface Context {
  file: VFile;
  known: ReadonlySet<string>;
  matcher: Matcher | undefined;
  entityUrl: (id: string) => string;
  /** Entities already linked in this paragraph. */
  linked: Set<string>;
  found: Found[];
  /** Whether registry spellings are matched (in numbered paragraphs only). */
  auto: boolean;
}

type Parent = { children: (RootContent | PhrasingContent)[] };

function transformChildren(parent: Parent, context: Context): void {
  const children: (RootContent | PhrasingContent)[] = [];
  for (const child of parent.children) {
    if (isApparatus(child)) {
      children.push(child);
    } else if (child.type === 'link' && child.url.startsWith('entity:')) {
      children.push(...explicitMention(child, context));
    } else if (child.type === 'text' && context.auto && context.matcher) {
      children.push(...autoMentions(child.value, context));
    } else {
      if ('children' in child && child.type !== 'link') transformChildren(child as Parent, context);
      children.push(child);
    }
  }
  parent.children = children;
}

/** The edition's own words (numbers, screen-reader labels) are never searched for names. */
function isApparatus(node: RootContent | PhrasingContent): boolean {
  return node.data?.apparatus === true;
}

function explicitMention(link: Link, context: Context): PhrasingContent[] {
  const id = link.url.slice('entity:'.length);
  // Marked, so that a test can tell a deliberate exception from a spelling that was missed.
  if (id === 'none') return [{ type: 'emphasis', children: link.children, data: { hName: 'span', hProperties: { dataNoEntity: '' } } }];
  if (!context.known.has(id)) {
    context.file.message(
      `Unknown entity "${id}" in [${textOf(link.children)}](entity:${id}). Use the id of an entry in content/entities/ (or "entity:none" for words that must not be linked), or add the entity there.`,
      link,
      'remark-entity-mentions:unknown',
    );
  }
  // Names inside the linked words are mentions too (a person inside the description of an event).
  const inner = context.matcher ? context.matcher.find(textOf(link.children)).map((match) => match.id) : [];
  const ids = [id, ...inner.filter((other) => other !== id)];
  return [mentionNode(link.children, ids, context)];
}

function autoMentions(value: string, context: Context): PhrasingContent[] {
  const matches = context.matcher?.find(value) ?? [];
  if (matches.length === 0) return [{ type: 'text', value }];
  const pieces: PhrasingContent[] = [];
  let last = 0;
  for (const match of matches) {
    if (match.start > last) pieces.push({ type: 'text', value: value.slice(last, match.start) });
    pieces.push(mentionNode([{ type: 'text', value: match.text }], [match.id], context));
    last = match.end;
  }
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return pieces;
}

/**
 * The first mention of an entity in a paragraph is a link; a later one is held in a node of its
 * own only until the paragraph's mentions are recorded (unwrapLaterMentions).
 */
function mentionNode(children: PhrasingContent[], ids: string[], context: Context): PhrasingContent {
  const [primary = ''] = ids;
  const first = !context.linked.has(primary);
  context.linked.add(primary);
  // The link's address names the entity (src/lib/mention-markup.ts); words that stand for
  // several entities list the others.
  const properties: Record<string, string | string[]> = {
    className: ['mention'],
    href: context.entityUrl(primary),
    ...(ids.length > 1 ? { dataEntities: ids.slice(1).join(' ') } : {}),
  };
  const node: PhrasingContent = first
    ? { type: 'emphasis', children, data: { hName: 'a', hProperties: properties } }
    : { type: 'emphasis', children, data: { laterMention: true } };
  context.found.push({ node, ids });
  return node;
}

declare module 'mdast' {
  interface EmphasisData {
    /** A mention after an entity's first in its paragraph: plain text once recorded. */
    laterMention?: boolean;
  }
}

/** Puts the words of later mentions back into the text, as the plain words they are. */
function unwrapLaterMentions(paragraph: Paragraph, found: readonly Found[]): void {
  const later = new Set(found.map((item) => item.node).filter((node) => node.type === 'emphasis' && node.data?.laterMention));
  if (later.size === 0) return;
  const unwrap = (parent: Parent): void => {
    parent.children = parent.children.flatMap((child) => {
      if (later.has(child as PhrasingContent) && 'children' in child) return child.children as PhrasingContent[];
      if ('children' in child) unwrap(child as Parent);
      return [child];
    });
  };
  unwrap(paragraph as Parent);
}

/** Each mention with its paragraph and the sentence it stands in. */
function describe(paragraph: Paragraph, found: readonly Found[]): Mention[] {
  const { id, label } = paragraph.data?.paragraph ?? { id: '', label: '' };
  const { text, spans } = plainText(paragraph, new Set(found.map((item) => item.node)));
  const sentences = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)];
  return found.flatMap((item) => {
    const span = spans.get(item.node);
    if (span === undefined) return [];
    const sentence = sentences.findLast((segment) => segment.index <= span.start)?.segment ?? text;
    return item.ids.map((entity) => ({ entity, paragraph: id, label, text: span.text, sentence: sentence.trim() }));
  });
}

/** The paragraph's words without the edition's apparatus, and where each mention stands in them. */
function plainText(
  paragraph: Paragraph,
  mentionNodes: ReadonlySet<PhrasingContent>,
): { text: string; spans: Map<PhrasingContent, { start: number; text: string }> } {
  let text = '';
  const spans = new Map<PhrasingContent, { start: number; text: string }>();
  const walk = (node: RootContent | PhrasingContent | Paragraph): void => {
    if (node.type !== 'paragraph' && isApparatus(node)) return;
    const start = text.length;
    if (node.type === 'text') text += node.value;
    else if (node.type === 'break') text += ' ';
    else if ('children' in node) for (const child of node.children) walk(child as PhrasingContent);
    if (mentionNodes.has(node as PhrasingContent)) spans.set(node as PhrasingContent, { start, text: text.slice(start) });
  };
  walk(paragraph);
  return { text, spans };
}

/** The text of phrasing nodes as the walk above counts it: an image's alt is not text of the paragraph. */
function textOf(nodes: readonly PhrasingContent[]): string {
  return nodeText([...nodes], { includeImageAlt: false });
}

interface Match {
  id: string;
  start: number;
  end: number;
  text: string;
}

interface Matcher {
  find: (value: string) => Match[];
}

/**
 * One regular expression for every spelling, longest first so that "West Germany" wins over
 * "Germany", bounded so that "Mao" is not found inside another word.
 */
function spellingMatcher(entities: readonly EntityRef[]): Matcher | undefined {
  const owners = new Map<string, string>();
  for (const entity of entities) for (const spelling of entity.spellings) owners.set(spelling, entity.id);
  if (owners.size === 0) return undefined;
  const alternatives = [...owners.keys()].sort((a, b) => b.length - a.length).map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    find: (value) =>
      [...value.matchAll(pattern)].map((match) => ({
        id: owners.get(match[0]) ?? '',
        start: match.index,
        end: match.index + match[0].length,
        text: match[0],
      })),
  };
}
