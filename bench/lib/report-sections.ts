/**
 * Generated sections of a hand-written Markdown report (docs/benchmarks.md): each script
 * rewrites only the text between its own markers, `<!-- name:start -->` and
 * `<!-- name:end -->`, so several scripts can share one file and the prose around them stays.
 */

export function replaceSection(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 && to === -1) return `${document.trimEnd()}\n\n${block}\n`;
  if (from === -1 || to < from) throw new Error(`The markers of section "${name}" are broken: expected ${start} before ${end}.`);
  return `${document.slice(0, from)}${block}${document.slice(to + end.length)}`;
}
