/**
 * The reading pages' script: a mention's note on hover and focus, and, only when the reader
 * arrives from a search result, the highlight of the searched words (loaded on demand).
 */
import './mention-tips.ts';

if (new URLSearchParams(location.search).has('highlight')) {
  void import('./highlight.ts').then(({ highlight }) => highlight());
}
