/**
 * How a mention of an entity is written in a page, for the code that reads pages back (the
 * search index, the notes on names): a link to the entity's page, `<a class="mention"
 * href="…/entities/<id>/">`, whose address names the entity, and, for words that stand for
 * several entities (a description of an event that names a place), the others in
 * `data-entities="<id> <id>"`.
 * Shared by the build and the browser.
 */

/** The entity an entity page's address names: `/reader/entities/kinmen/` → `kinmen`. */
export function entityOfHref(href: string): string | undefined {
  return /\/entities\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(href)?.[1];
}

/** Every entity a mention stands for: its link's, then the others of `data-entities`. */
export function mentionEntities(entities: string | undefined, href: string | undefined): string[] {
  const linked = href === undefined ? undefined : entityOfHref(href);
  const others = (entities ?? '').split(/\s+/).filter((id) => id !== '' && id !== linked);
  return linked === undefined ? others : [linked, ...others];
}
