/**
 * Reads a `_headers` file, the format Netlify and Cloudflare Pages use to attach HTTP headers
 * to paths: a path pattern on its own line (`/*`, `/documents/:slug/`), then its headers
 * indented below it as `Name: value`; `#` starts a comment.
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
