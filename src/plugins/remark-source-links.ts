import type { Definition, FootnoteDefinition, Link, LinkReference, Nodes, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, type VisitorResult, visit } from 'unist-util-visit';
import { toString as nodeText } from 'mdast-util-to-string';

/** What the plugin needs to know of a work of the bibliography. */
export interface SourceRef {
  id: string;
  kind: 'primary' | 'scholarly' | 'reference';
  /** The publisher's address. */
  url?: string | undefined;
  /** Or the slug of a document of this edition. */
  document?: string | undefined;
}

export interface Options {
  /** The bibliography. Default: none, so every `source:` link fails. */
  works?: readonly SourceRef[];
  /** The URL of a document of this edition, with the site's base path. Default: `/documents/<slug>/`. */
  documentUrl?: (slug: string) => string;
}

declare module 'vfile' {
  interface DataMap {
    /** The ids of the works the document's notes cite, in order of first citation; set by remark-source-links. */
    citedSources: string[];
  }
}

/** The rule ids of this plugin's messages, so that a caller can tell them from other plugins'. */
export const sourceLinkRules = ['unknown', 'plain-link', 'no-substantive-source', 'outside-note'] as const;
export const sourceLinkOrigin = 'remark-source-links';

const substantive = new Set(['primary', 'scholarly']);

/**
 * Resolves the citations in a document's notes. Inside a footnote,
 * `[FRUS 1958–1960, XIX, doc. 30](source:frus-1958-60v19-d30)` becomes a link to the work's
 * address (or, for a record of this edition, to its page); a reference work's link is marked
 * (`data-source-kind="reference"`), set back beside the sources it stands with. It reports, each at its line: a `source:` id the bibliography
 * lacks; a plain http(s) link in a note (every cited work goes through the bibliography, where
 * its address is checked); a note that cites no primary source or scholarship; a `source:` link
 * outside a note. Each is a message (`file.message`); the pipeline's last step fails the document
 * once, naming every one (src/plugins/report-problems.ts), so that an author fixes them in one pass.
 *
 * Records the ids cited in `file.data.citedSources` (and in the frontmatter Astro returns, as
 * `citedSources`), from which the build counts the works cited. Run after remark-gfm.
 */
const remarkSourceLinks: Plugin<[Options?], Root> = (options = {}) => {
  const works = new Map((options.works ?? []).map((work) => [work.id, work]));
  const documentUrl = options.documentUrl ?? ((slug: string) => `/documents/${slug}/`);
  const urlOf = (work: SourceRef) => work.url ?? documentUrl(work.document ?? '');

  return (tree, file) => {
    const report = (reason: string, node: Nodes, rule: (typeof sourceLinkRules)[number]) => {
      file.message(reason, { place: node.position, ruleId: rule, source: sourceLinkOrigin });
    };
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier, node);
    });
    const cited: string[] = [];

    visit(tree, (node, index, parent) => {
      if (node.type === 'footnoteDefinition') {
        checkNote(node, { works, urlOf, definitions, report, cited });
        return SKIP;
      }
      const url = linkTarget(node, definitions);
      if (url?.startsWith('source:')) {
        report(
          `[${textOf(node)}](${url}) stands outside a note. Cite sources in the notes (footnotes); the text of the document stays as published.`,
          node,
          'outside-note',
        );
        return unlink(node, index, parent);
      }
      return undefined;
    });

    const unique = [...new Set(cited)];
    file.data.citedSources = unique;
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['citedSources'] = unique;
  };
};

export default remarkSourceLinks;

interface NoteContext {
  works: ReadonlyMap<string, SourceRef>;
  urlOf: (work: SourceRef) => string;
  definitions: ReadonlyMap<string, Definition>;
  report: (reason: string, node: Nodes, rule: (typeof sourceLinkRules)[number]) => void;
  cited: string[];
}

function checkNote(note: FootnoteDefinition, context: NoteContext): void {
  const label = `[^${note.label ?? note.identifier}]`;
  const kinds = new Set<string>();
  let unknown = false;
  visit(note, (node, index, parent) => {
    const url = linkTarget(node, context.definitions);
    if (url !== undefined && (node.type === 'link' || node.type === 'linkReference')) {
      if (url.startsWith('source:')) {
        const id = url.slice('source:'.length);
        const work = context.works.get(id);
        if (!work) {
          context.report(
            `Unknown source "${id}" in [${textOf(node)}](source:${id}) in note ${label}. Use the id of a work in content/bibliography.yaml, or add the work there.`,
            node,
            'unknown',
          );
          unknown = true;
          return unlink(node, index, parent);
        }
        kinds.add(work.kind);
        context.cited.push(id);
        const link: Link = {
          type: 'link',
          url: context.urlOf(work),
          children: node.children,
          // Only what the page shows differently is marked: a link on every source would weigh
          // on every reading page for nothing.
          ...(work.kind === 'reference' ? { data: { hProperties: { dataSourceKind: 'reference' } } } : {}),
          ...(node.position ? { position: node.position } : {}),
        };
        if (parent && index !== undefined) (parent.children as Nodes[])[index] = link;
        return SKIP;
      }
      if (/^https?:/i.test(url) || url.startsWith('//')) {
        context.report(
          `A plain link to ${url} in note ${label}: cite it through content/bibliography.yaml. Add the work there (or reuse its id, if its url is already there) and write [${textOf(node)}](source:<id>).`,
          node,
          'plain-link',
        );
      }
      return SKIP;
    }
    if (node.type === 'html' && /\bhref\s*=\s*["']?(?:https?:)?\/\//i.test(node.value)) {
      context.report(`An HTML link in note ${label}: cite it through content/bibliography.yaml and write [text](source:<id>) instead.`, node, 'plain-link');
    }
    return undefined;
  });
  // An unknown id may be a primary source misspelt: that is reported; the kinds are not judged.
  if (!unknown && ![...kinds].some((kind) => substantive.has(kind))) {
    context.report(
      kinds.size > 0
        ? `Note ${label} cites only reference works: an encyclopedia or authority may stand beside a primary source or scholarship, never alone. Add one, [text, page](source:<id>), or leave the claim out.`
        : `Note ${label} cites no primary source or scholarship. Add one from content/bibliography.yaml, [text, page](source:<id>); a note about the text itself cites the record, e.g. [this record, ¶ 31](source:<the document's id>).`,
      note,
      'no-substantive-source',
    );
  }
}

/**
 * Puts a reported `source:` link's words in its place: the link is an error already, and left
 * in, later checks would report its address again (rehype-safe-html, as a scheme not allowed).
 */
function unlink(node: Nodes, index: number | undefined, parent: Parent | undefined): VisitorResult {
  if (parent === undefined || index === undefined || !('children' in node)) return SKIP;
  const words = node.children as Nodes[];
  (parent.children as Nodes[]).splice(index, 1, ...words);
  return [SKIP, index + words.length];
}

/** The target of a link, or of a reference link through its definition. */
function linkTarget(node: Nodes, definitions: ReadonlyMap<string, Definition>): string | undefined {
  if (node.type === 'link') return node.url;
  if (node.type === 'linkReference') return definitions.get((node as LinkReference).identifier)?.url;
  return undefined;
}

function textOf(node: Nodes): string {
  return nodeText(node, { includeImageAlt: false });
}
