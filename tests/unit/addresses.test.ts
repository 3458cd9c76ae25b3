/**
 * The document's address: absolute with SITE_URL, a path without it, completed in the browser
 * with the address the page was opened at. Never a made-up origin.
 */
import { describe, expect, test } from 'vitest';
import { documentUrl, isAbsolute } from '../../src/lib/citation-item.ts';
import { publicOrigin } from '../../src/lib/site.ts';
import { addressCompleter } from '../../src/browser/page-address.ts';

describe('SITE_URL', () => {
  test('unset or empty: no origin', () => {
    expect(publicOrigin(undefined)).toBeUndefined();
    expect(publicOrigin('  ')).toBeUndefined();
  });
  test('an address: its origin', () => {
    expect(publicOrigin('https://archive.example.net/reader/')).toBe('https://archive.example.net');
  });
  test('anything else is refused with what to write', () => {
    expect(() => publicOrigin('archive.example.net')).toThrow(/SITE_URL must be the address the site is published at/);
    expect(() => publicOrigin('ftp://archive.example.net')).toThrow(/must start with https:\/\//);
  });
});

describe('documentUrl', () => {
  test('with an origin, absolute; without, the path from the site root, base path included', () => {
    expect(documentUrl('https://a.test', '/reader/', 'x')).toBe('https://a.test/reader/documents/x/');
    expect(documentUrl(undefined, '/reader/', 'x')).toBe('/reader/documents/x/');
    expect(isAbsolute(documentUrl(undefined, '/', 'x'))).toBe(false);
  });
});

describe('addressCompleter', () => {
  const complete = addressCompleter('/documents/x/', 'http://127.0.0.1:4321/documents/x/?highlight=a#p3');
  test('nothing to complete when the build knew its origin', () => {
    expect(addressCompleter('https://a.test/documents/x/', 'http://127.0.0.1/')).toBeUndefined();
  });
  test('completes every standalone path with the origin the page was opened at', () => {
    expect(complete?.('Antonov, … Moscow, /documents/x/. And /documents/x/#p12.')).toBe(
      'Antonov, … Moscow, http://127.0.0.1:4321/documents/x/. And http://127.0.0.1:4321/documents/x/#p12.',
    );
    expect(complete?.('url = {/documents/x/#p12}')).toBe('url = {http://127.0.0.1:4321/documents/x/#p12}');
  });
  test('completing twice changes nothing', () => {
    const once = complete?.('"URL":"/documents/x/"') ?? '';
    expect(complete?.(once)).toBe(once);
  });
  test('another document’s path is left alone', () => {
    expect(complete?.('/documents/xy/ and /documents/y/')).toBe('/documents/xy/ and /documents/y/');
  });
});
