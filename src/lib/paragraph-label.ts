/** How a family of paragraph ids is shown to readers. */
export interface LabelScheme {
  /** Start of the id, e.g. `intro-` or `p`. */
  prefix: string;
  /** Start of the visible label, e.g. `Intro ¶ ` or `¶ `. */
  label: string;
}

/**
 * The default schemes: `intro-3` is "Intro ¶ 3" and `p12` is "¶ 12". A letter after the
 * number (`p12a`) marks a paragraph inserted after publication, so that no other number moves.
 */
export const defaultLabelSchemes: readonly LabelScheme[] = [
  { prefix: 'intro-', label: 'Intro ¶ ' },
  { prefix: 'p', label: '¶ ' },
];

/** The visible label of a paragraph id, or `undefined` when the id follows no scheme. */
export function paragraphLabel(id: string, schemes: readonly LabelScheme[] = defaultLabelSchemes): string | undefined {
  for (const scheme of schemes) {
    if (!id.startsWith(scheme.prefix)) continue;
    const rest = id.slice(scheme.prefix.length);
    if (/^[1-9]\d*[a-z]?$/.test(rest)) return scheme.label + rest;
  }
  return undefined;
}
