/**
 * The example the citing help shows: a real paragraph of a real document, so that every number
 * and link it prints can be followed. The middle paragraph of the document's text (not of its
 * introduction): a number a reader would cite, rather than the opening lines.
 */
import { paragraphUrl, pinpoint } from './citation-item.ts';

/** The middle of the document's own paragraphs (`p…`, not `intro-…`); undefined when it has none. */
export function exampleParagraph<T extends { id: string }>(paragraphs: readonly T[]): T | undefined {
  const text = paragraphs.filter(({ id }) => !id.startsWith('intro-') && pinpoint(id) !== undefined);
  return text[Math.floor((text.length - 1) / 2)];
}

/** The words the How to cite page prints of its example paragraph. */
export interface CitingExample {
  /** "¶ 16". */
  label: string;
  /** "16": the pinpoint as a style prints it ("para. 16"). */
  number: string;
  /** The label of a paragraph added after it later: "¶ 16a". */
  addedLabel: string;
  /** "…/documents/<slug>/#p16". */
  link: string;
  /** "#p16:~:text=…". */
  fragment: string;
}

/**
 * The example of the How to cite page, from the first document's paragraph ids. Without a
 * document, or one without numbered paragraphs, the first paragraph of some document ("…").
 */
export function citingExample(document: { slug: string; paragraphIds: readonly string[] } | undefined): CitingExample {
  const found = exampleParagraph((document?.paragraphIds ?? []).map((id) => ({ id })))?.id;
  const [slug, id] = document && found ? [document.slug, found] : ['…', 'p1'];
  const { label, locator } = pinpoint(id) ?? { label: '¶ 1', locator: '1' };
  // A paragraph added after ¶ 16 is ¶ 16a; after ¶ 16a, ¶ 16b.
  const last = label.at(-1) ?? '';
  const addedLabel = /[a-y]/.test(last) ? `${label.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}` : `${label}a`;
  return { label, number: locator, addedLabel, link: paragraphUrl(`…/documents/${slug}/`, id), fragment: `${paragraphUrl('', id)}:~:text=…` };
}
