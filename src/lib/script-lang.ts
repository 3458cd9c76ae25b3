/**
 * The language tag for a name written in a non-Latin script, so that screen readers pronounce
 * it and browsers pick a fitting font: Chinese characters, Cyrillic, and so on.
 * Latin-script names carry no tag (the page is English).
 */
export function scriptLang(text: string): string | undefined {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  if (/\p{Script=Devanagari}/u.test(text)) return 'hi';
  if (/\p{Script=Tibetan}/u.test(text)) return 'bo';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  if (/\p{Script=Hiragana}|\p{Script=Katakana}/u.test(text)) return 'ja';
  return undefined;
}
