/**
 * The search box's loader, the only search code a page loads before it is used: "/" focuses
 * the box from anywhere on the site (unless the reader is typing), and the first focus, touch
 * or keystroke in the box loads search (search-ui.ts), and with it Pagefind.
 */
const box = document.querySelector<HTMLInputElement>('#site-search');
let started = false;
const load = () => {
  if (started) return;
  started = true;
  void import('./search-ui.ts');
};
if (box) for (const type of ['focus', 'pointerdown', 'input']) box.addEventListener(type, load, { once: true });

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select'))) return;
  if (!box) return;
  event.preventDefault();
  box.focus();
});
