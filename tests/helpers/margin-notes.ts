/**
 * Where margin notes stand on a page, and what a reader sees wrong with them: measured by a
 * function that runs in the page (the same in Chromium and Firefox), checked in the tests.
 */
import { expect } from 'vitest';

export interface NoteBox {
  id: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  refTop: number;
  refNumber: string;
  noteNumber: string;
  display: string;
  /** How far the note's words reach past its box, in px: a word too long to break sticks out. */
  overflow: number;
}

/** Runs in the page, on every `.sidenote`: where it stands, where its reference stands, their numbers. */
export const measureNotes = (notes: globalThis.Element[]): NoteBox[] =>
  notes.map((note) => {
    const reference = document.querySelector(`a[href="#${note.id}"][role="doc-noteref"]`);
    const box = note.getBoundingClientRect();
    return {
      id: note.id,
      top: box.top + window.scrollY,
      bottom: box.bottom + window.scrollY,
      left: box.left,
      right: box.right,
      refTop: (reference?.getBoundingClientRect().top ?? Number.NaN) + window.scrollY,
      refNumber: reference?.textContent ?? '',
      noteNumber: note.querySelector('.sidenote-number')?.textContent ?? '',
      display: getComputedStyle(note).display,
      overflow: note.scrollWidth - note.clientWidth,
    };
  });

/** Runs in the page: the right edge of the text column. */
export const textRightOf = (text: globalThis.Element) => text.getBoundingClientRect().right;

/** Every note shown, in the margin: right of the text column and inside a window `width` wide. */
export function expectInMargin(notes: readonly NoteBox[], textRight: number, width: number): void {
  for (const note of notes) {
    expect(note.display, note.id).not.toBe('none');
    expect(note.left, note.id).toBeGreaterThanOrEqual(textRight);
    expect(note.right, note.id).toBeLessThanOrEqual(width);
  }
}

/** No note runs into the one below it. */
export function expectNoOverlap(notes: readonly NoteBox[]): void {
  const byTop = [...notes].sort((a, b) => a.top - b.top);
  for (let index = 1; index < byTop.length; index++) {
    const [above, below] = [byTop[index - 1], byTop[index]];
    expect(below?.top, `${below?.id} overlaps ${above?.id}`).toBeGreaterThanOrEqual(above?.bottom ?? 0);
  }
}
