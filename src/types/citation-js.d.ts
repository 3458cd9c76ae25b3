/**
 * The part of Citation.js's API the edition uses. Version 0.8 ships no type declarations
 * (0.9 does, but has no RIS plugin yet); these follow its documentation.
 */
declare module '@citation-js/core' {
  /** A CSL-JSON item: the fields of the CSL 1.0.2 data schema. */
  export type CslItem = Record<string, unknown> & { id: string; type: string };

  export interface CitationEntry {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }

  export interface FormatOptions {
    format?: 'text' | 'html' | 'object' | 'string';
    template?: string;
    lang?: string;
    entry?: string | CitationEntry | (string | CitationEntry)[];
    type?: 'string' | 'json' | 'html';
    style?: string;
  }

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    data: CslItem[];
    format(format: string, options?: FormatOptions): string;
  }

  /** The part of citeproc-js's engine the edition uses. */
  export interface CiteprocEngine {
    updateItems(ids: string[]): void;
    setOutputFormat(format: 'text' | 'html'): void;
    makeCitationCluster(items: CitationEntry[]): string;
    makeBibliography(): [{ bibstart: string; bibend: string }, string[]];
    /** Working state; `taintedItemIDs` marks the items whose output must be formatted again. */
    tmp: { taintedItemIDs: Record<string, true> };
    /** What the engine asks of its caller: `retrieveItem` gives the item of an id it formats. */
    sys: { retrieveItem(id: string): CslItem };
  }

  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }

  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: Register<string>;
        locales: Register<string>;
        /** citeproc-js's engine for a style and locale, kept between calls, set to an output format. */
        engine(data: CslItem[], style: string, lang: string, format: 'text' | 'html'): CiteprocEngine;
      };
    };
  };
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
