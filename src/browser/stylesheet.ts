/**
 * Adds a stylesheet of this site to the page once, for code that brings its own styles when a
 * reader first uses it (search, the Cite dialog) instead of weighing on every page. Resolves
 * when the styles apply (or could not load), so that nothing is shown unstyled.
 */
export function addStylesheet(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${href}"]`);
  if (existing) return existing.sheet ? Promise.resolve() : new Promise((resolve) => existing.addEventListener('load', () => resolve(), { once: true }));
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = href;
  const loaded = new Promise<void>((resolve) => {
    sheet.addEventListener('load', () => resolve(), { once: true });
    sheet.addEventListener('error', () => resolve(), { once: true });
  });
  document.head.append(sheet);
  return loaded;
}
