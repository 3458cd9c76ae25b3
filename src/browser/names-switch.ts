/**
 * "Show names": a reader's switch that marks every linked name of the running text, for those who
 * want to see them all at once; remembered across pages. Names are quiet otherwise (a link shows
 * itself on hover and focus). Added by script, since without it there is nothing to switch.
 */
const key = 'edition:names';

function stored(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Applies the reader's choice to the page and puts the switch in `place`. */
export function addNamesSwitch(place: Element): void {
  const root = document.documentElement;
  if (stored() === 'shown') root.dataset['names'] = 'shown';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'names-switch';
  button.textContent = 'Show names';
  const pressed = () => button.setAttribute('aria-pressed', String(root.dataset['names'] === 'shown'));
  pressed();
  button.addEventListener('click', () => {
    const shown = root.dataset['names'] !== 'shown';
    if (shown) root.dataset['names'] = 'shown';
    else delete root.dataset['names'];
    try {
      localStorage.setItem(key, shown ? 'shown' : 'quiet');
    } catch {
      // Private browsing may refuse storage: the switch still works on this page.
    }
    pressed();
  });
  place.append(button);
}
