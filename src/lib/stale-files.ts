/**
 * The files a build leaves behind: those the last build wrote into the output folder that this
 * one neither wrote again nor kept. What a build keeps without writing are the pages Astro's
 * incremental build found unchanged in the folder (src/integrations/kept-output.ts); everything
 * else the build wrote has a new modification time.
 *
 * `before` and `after`: each file of the folder (a path relative to it) and its modification
 * time, when the build started and when its pages were written. `kept`: the pages of this build.
 */
export function staleFiles(before: ReadonlyMap<string, bigint>, after: ReadonlyMap<string, bigint>, kept: ReadonlySet<string>): string[] {
  return [...before]
    .filter(([file, modified]) => !kept.has(file) && after.get(file) === modified)
    .map(([file]) => file)
    .sort();
}
