/**
 * Reads and writes a `_headers` file, the format Netlify and Cloudflare Pages use to attach HTTP
 * headers to paths: a path pattern on its own line (`/*`, `/documents/:slug/`), then its headers
 * indented below it as `Name: value`; `#` starts a comment. The patterns are site paths, matched
 * against the whole path of a request. The build writes the site's file (src/lib/site-headers.ts);
 * the tests and the local server read it.
 */

export interface HeaderRule {
  /** The path pattern: `*` matches anything, `:name` one path segment. */
  pattern: string;
  /** Headers in the order written; names as written. */
  headers: [name: string, value: string][];
  /** 1-based line of the pattern, for messages. */
  line: number;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [], line: index + 1 });
      return;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (rule === undefined || colon === -1) throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path.`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return rules;
}

export function matchesPattern(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** Every value of the header `name` (any case) that the rules give `path`, in file order. */
export function headerValues(rules: HeaderRule[], path: string, name: string): string[] {
  return rules
    .filter((rule) => matchesPattern(rule.pattern, path))
    .flatMap((rule) => rule.headers.filter(([header]) => header.toLowerCase() === name.toLowerCase()).map(([, value]) => value));
}

/** A rule to write into a `_headers` file, with the comment lines that explain it. */
export interface HeaderBlock {
  /** Lines written above the rule as `# …` comments. */
  comment?: readonly string[];
  /** The path pattern, a site path: `/*`, `/reader/_astro/*`. */
  pattern: string;
  headers: readonly (readonly [name: string, value: string])[];
}

/**
 * Writes a `_headers` file: the preamble as comments, then each rule with its comment, a blank
 * line between them. What the format cannot hold (a pattern that is not a path or has spaces, a
 * header name that is not a single word, a value over several lines) is refused with what is
 * wrong, rather than written into a file that hosts would read differently.
 */
export function formatHeadersFile(blocks: readonly HeaderBlock[], preamble: readonly string[] = []): string {
  const comment = (lines: readonly string[]) => lines.map((line) => (line === '' ? '#' : `# ${line}`));
  const sections: string[][] = preamble.length > 0 ? [comment(preamble)] : [];
  for (const block of blocks) {
    if (!/^\/\S*$/.test(block.pattern)) throw new Error(`_headers: the pattern "${block.pattern}" must be a site path, starting with "/", without spaces.`);
    const lines = [...comment(block.comment ?? []), block.pattern];
    for (const [name, value] of block.headers) {
      if (!/^[A-Za-z0-9-]+$/.test(name))
        throw new Error(`_headers: "${name}" (under ${block.pattern}) is not a header name: letters, digits and hyphens only.`);
      if (/[\r\n]/.test(value) || value.trim() === '') throw new Error(`_headers: the value of ${name} (under ${block.pattern}) must be one line of text.`);
      lines.push(`  ${name}: ${value}`);
    }
    sections.push(lines);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
