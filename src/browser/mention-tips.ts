/**
 * Notes on names in the running text, loaded the first time a reader points at a name or reaches
 * one by keyboard (src/scripts/reading.ts): a short note on the entity as of the document's date
 * (name, dates, first sentence of its gloss), from the document's names.json. Without it a name is
 * a plain link to its entry. A note stays open while the pointer is over it and closes with Escape
 * (WCAG 1.4.13).
 */
import type { EntityNote } from '../lib/entity-facts.ts';
import { entityOfHref } from '../shared/mention-markup.ts';

/** Starts the notes for the names of the page, and shows the note of `first`, the name that woke them. */
export function startNameNotes(source: string, first: HTMLAnchorElement): void {
  const tip = document.createElement('div');
  tip.className = 'mention-tip';
  tip.id = 'mention-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);

  let notes: Promise<Record<string, EntityNote>> | undefined;
  const load = () => {
    notes ??= fetch(source).then((response) => (response.ok ? (response.json() as Promise<Record<string, EntityNote>>) : {}));
    return notes;
  };

  let current: HTMLAnchorElement | undefined;
  let hideTimer: number | undefined;

  const show = async (link: HTMLAnchorElement) => {
    window.clearTimeout(hideTimer);
    current = link;
    const id = entityOfHref(link.getAttribute('href') ?? '');
    const note = id === undefined ? undefined : (await load().catch(() => ({}) as Record<string, EntityNote>))[id];
    // The reader may have moved on while the notes were loading.
    if (note === undefined || current !== link) return;
    const heading = document.createElement('strong');
    heading.textContent = note.dates ? `${note.name} (${note.dates})` : note.name;
    tip.replaceChildren(heading, note.gloss);
    tip.hidden = false;
    link.setAttribute('aria-describedby', tip.id);
    const box = link.getBoundingClientRect();
    const left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 16);
    tip.style.left = `${Math.max(window.scrollX + 8, left)}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  };

  const hide = () => {
    current?.removeAttribute('aria-describedby');
    current = undefined;
    tip.hidden = true;
  };

  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 200);
  };

  const mentionOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLAnchorElement>('a.mention') : null);

  document.addEventListener('pointerover', (event) => {
    const link = mentionOf(event.target);
    if (link) void show(link);
    else if (event.target instanceof Node && tip.contains(event.target)) window.clearTimeout(hideTimer);
  });
  document.addEventListener('pointerout', (event) => {
    if (mentionOf(event.target) || (event.target instanceof Node && tip.contains(event.target))) hideSoon();
  });
  document.addEventListener('focusin', (event) => {
    const link = mentionOf(event.target);
    if (link) void show(link);
    else hide();
  });
  document.addEventListener('focusout', (event) => {
    if (mentionOf(event.target) === current) hideSoon();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !tip.hidden) hide();
  });

  void show(first);
}
