import { init, parse } from 'es-module-lexer';
import type { Plugin } from 'vite';

/**
 * Lets the browser's own `import()` load the code a reader asks for (the Cite dialog, the notes
 * on names, search), with nothing loaded before it. Vite wraps every dynamic import of the
 * client build in a preload helper kept in a chunk of its own, which each page's script then
 * imports first: a chain of two fetches before any script runs, for preloading that the
 * edition's modules do not need. Two steps take it out:
 *
 * - the client build's `modulePreload` becomes `false` (Astro sets `{ polyfill: false }`, and
 *   only this hook, run for the client environment after Astro's configuration, can change it),
 *   so that the helper is handed no files to preload;
 * - in the written bundle, every import of the helper is replaced by the one thing it then does,
 *   calling the import, and the helper's chunk is dropped. A chunk whose calls still pass files
 *   to preload (`__vite__mapDeps`, e.g. the CSS of a lazily loaded component) keeps the helper.
 */
export function plainDynamicImports(): Plugin {
  return {
    name: 'edition:plain-dynamic-imports',
    apply: 'build',
    configEnvironment(name) {
      if (name === 'client') return { build: { modulePreload: false } };
      return undefined;
    },
    async generateBundle(_options, bundle) {
      if (this.environment.name !== 'client') return;
      await init;
      const helpers = new Set(Object.values(bundle).flatMap((file) => (file.type === 'chunk' && file.name === 'preload-helper' ? [file.fileName] : [])));
      if (helpers.size === 0) return;
      let kept = false;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || helpers.has(file.fileName)) continue;
        const [imports] = parse(file.code);
        const ofHelper = imports.filter(
          (entry) => entry.d === -1 && entry.n !== undefined && helpers.has(new URL(entry.n, `file:///${file.fileName}`).pathname.slice(1)),
        );
        if (ofHelper.length === 0) continue;
        if (file.code.includes('__vite__mapDeps')) {
          kept = true;
          continue;
        }
        let code = file.code;
        for (const entry of [...ofHelper].reverse()) {
          const statement = code.slice(entry.ss, entry.se);
          const local = /^import\s*\{\s*\w+\s+as\s+([\w$]+)\s*\}/.exec(statement)?.[1] ?? /^import\s*\{\s*([\w$]+)\s*\}/.exec(statement)?.[1];
          if (local === undefined) throw new Error(`${file.fileName}: an import of Vite's preload helper of an unknown form: ${statement}`);
          code = `${code.slice(0, entry.ss)}const ${local}=(load)=>load();${code.slice(entry.se)}`;
        }
        file.code = code;
        file.imports = file.imports.filter((name) => !helpers.has(name));
      }
      if (!kept) for (const name of helpers) delete bundle[name];
    },
  };
}
