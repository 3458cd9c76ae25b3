/**
 * Shows an entity's gloss beside a mention on hover and on keyboard focus. Progressive
 * enhancement: without this script a mention is a plain link to the entity's page, and screen
 * readers already hear the gloss through aria-describedby. The gloss is taken from the
 * "People and places" list on the same page, so nothing is fetched.
 * Dismissed with Escape; stays open while the pointer is over it (WCAG 1.4.13).
 */
const tip = document.createElement('div');
tip.className = 'mention-tip';
tip.setAttribute('aria-hidden', 'true');
tip.hidden = true;
document.body.append(tip);

let current: HTMLAnchorElement | undefined;
let hideTimer: number | undefined;

function show(link: HTMLAnchorElement): void {
  const id = link.dataset['entity'];
  const gloss = id ? document.getElementById(`gloss-${id}`) : null;
  if (!id || !gloss) return;
  window.clearTimeout(hideTimer);
  current = link;
  const name = document.querySelector(`#entity-${CSS.escape(id)} dt`)?.textContent ?? '';
  const heading = document.createElement('strong');
  heading.textContent = name;
  tip.replaceChildren(heading, gloss.textContent ?? '');
  tip.hidden = false;
  const box = link.getBoundingClientRect();
  const left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 16);
  tip.style.left = `${Math.max(window.scrollX + 8, left)}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hide(): void {
  current = undefined;
  tip.hidden = true;
}

function hideSoon(): void {
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, 200);
}

const mentionOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLAnchorElement>('a.mention') : null;

document.addEventListener('pointerover', (event) => {
  const link = mentionOf(event.target);
  if (link) show(link);
  else if (event.target instanceof Node && tip.contains(event.target)) window.clearTimeout(hideTimer);
});
document.addEventListener('pointerout', (event) => {
  if (mentionOf(event.target) || (event.target instanceof Node && tip.contains(event.target))) hideSoon();
});
document.addEventListener('focusin', (event) => {
  const link = mentionOf(event.target);
  if (link) show(link);
  else hide();
});
document.addEventListener('focusout', (event) => {
  if (mentionOf(event.target) === current) hideSoon();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !tip.hidden) hide();
});
