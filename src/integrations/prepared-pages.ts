/**
 * The copies of built pages that the search index is given (src/lib/search-index.ts), kept on
 * disk between builds. Preparing a page means parsing and writing it again, a third of the
 * search step's time; a page whose HTML did not change since the last build (in a warm build,
 * nearly all of them) is read back instead. The key is a digest of the page's bytes (`digest`,
 * from `pageDigest`) and of `version` (the preparing code and its options), never of a time or a
 * path: a page that came out the same is prepared the same, whichever document it belongs to.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf, writeAtomically } from '../content/render-cache.ts';

/** The digest of a built page's bytes, by which its prepared copy and its bundle are known. */
export function pageDigest(html: string): string {
  return digestOf([html]);
}

export class PreparedPages {
  readonly #dir: string;
  readonly #version: string;
  readonly #used = new Set<string>();
  /** How many pages were read back rather than prepared, for the build's log. */
  reused = 0;

  constructor(dir: string, version: string) {
    this.#dir = dir;
    this.#version = version;
  }

  #file(digest: string): string {
    const name = `${digestOf([this.#version, digest])}.html`;
    this.#used.add(name);
    return join(this.#dir, name);
  }

  /** The page as `prepare` makes it: read back when these bytes were prepared before, else prepared and kept. */
  get(html: string, prepare: (html: string) => string, digest = pageDigest(html)): string {
    const file = this.#file(digest);
    if (existsSync(file)) {
      this.reused++;
      return readFileSync(file, 'utf8');
    }
    const prepared = prepare(html);
    mkdirSync(this.#dir, { recursive: true });
    // Whole or not at all: a build stopped half-way leaves no half page to be read back.
    writeAtomically(file, prepared);
    return prepared;
  }

  /**
   * Keeps the page of `digest` through `prune` without reading it: its bundle of the index was
   * copied from the last build, and a later change to a page beside it will need it again.
   */
  retain(digest: string): void {
    this.#file(digest);
  }

  /** Removes the pages this build neither asked for nor retained: no later build of the same site reads them. */
  prune(): void {
    if (!existsSync(this.#dir)) return;
    for (const name of readdirSync(this.#dir)) if (!this.#used.has(name)) rmSync(join(this.#dir, name), { force: true });
  }
}
