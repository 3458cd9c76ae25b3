import { describe, expect, test } from 'vitest';
import { anchorsByMap, bordersNote, type MapView, mapPlaces } from '../../src/lib/map.ts';
import type { Entity } from '../../src/schemas/entity.ts';

const common = { spellings: [], variants: [], gloss: 'x', sources: [{ source: 's', checked: 'x' }] };

describe('the map page', () => {
  test('shows the registry’s places alphabetically, with their names as a label has room for', () => {
    const entities = [
      { ...common, id: 'su', name: 'Soviet Union (USSR)', type: 'place', coordinates: [37.6, 55.75], region: false },
      { ...common, id: 'mao', name: 'Mao Zedong', type: 'person' },
      { ...common, id: 'asia', name: 'asia', type: 'place', coordinates: [100, 45], region: true },
    ] as Entity[];
    expect(mapPlaces(entities)).toEqual([
      { id: 'asia', name: 'asia', coordinates: [100, 45], region: true },
      { id: 'su', name: 'Soviet Union', coordinates: [37.6, 55.75], region: false },
    ]);
  });

  test('says its borders are not those of the documents’ years', () => {
    expect(bordersNote(['1959-10-14'])).toBe('Borders are today’s (Natural Earth), not those of 1959.');
    expect(bordersNote(['1962-01-02', '1949-12-16', '1959-10-14'])).toBe('Borders are today’s (Natural Earth), not those of 1949–1962.');
    expect(bordersNote([])).toBe('Borders are today’s (Natural Earth).');
  });
});

describe('the page anchors of the maps', () => {
  const view = (...ids: string[]): MapView => ({
    width: 1,
    height: 1,
    land: '',
    borders: '',
    graticule: '',
    insets: [],
    markers: ids.map((id) => ({ id, name: id, x: 0, y: 0, region: false })),
  });

  test('each place anchors on one map only: the first, in order of preference, that shows it', () => {
    const anchors = anchorsByMap({
      asia: view('beijing', 'tokyo'),
      europe: view('moscow', 'berlin'),
      world: view('beijing', 'moscow', 'washington', 'tokyo', 'berlin'),
    });
    expect(anchors).toEqual({ asia: new Set(['beijing', 'tokyo']), europe: new Set(['moscow', 'berlin']), world: new Set(['washington']) });
  });
});
