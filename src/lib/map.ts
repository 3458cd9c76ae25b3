import { type GeoProjection, geoGraticule10, geoMercator, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Entity } from '../schemas/entity.ts';
import { formatYearSpan } from './dates.ts';
import { sortByName } from './entity-index.ts';

/** A place as the map needs it. */
export interface MapPlace {
  id: string;
  name: string;
  /** [longitude, latitude]. */
  coordinates: readonly [number, number];
  /** Regions and continents are drawn as a label only. */
  region: boolean;
}

/**
 * The registry's places, alphabetically, as the map shows them: their names without the
 * parenthesis of another name ("Soviet Union (USSR)" is "Soviet Union" on the map), which an
 * entry gives and a label has no room for.
 */
export function mapPlaces(entities: readonly Entity[]): MapPlace[] {
  return sortByName(entities.flatMap((entity) => (entity.type === 'place' ? [entity] : []))).map((place) => ({
    id: place.id,
    name: place.name.replace(/ \(.*\)$/, ''),
    coordinates: place.coordinates,
    region: place.region,
  }));
}

/**
 * What the map says of its borders: they are today's, which is not what the documents saw.
 * `documentDates` are the documents' dates (of the conversations), whose years are named.
 */
export function bordersNote(documentDates: readonly string[]): string {
  const years = formatYearSpan(documentDates);
  return `Borders are today’s (Natural Earth)${years ? `, not those of ${years}` : ''}.`;
}

export interface MapLabel {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface MapMarker {
  id: string;
  name: string;
  x: number;
  y: number;
  region: boolean;
  /** Where the name goes; absent when the place is shown only as a dot (it is labelled on the detail map). */
  label?: MapLabel;
}

export interface MapView {
  width: number;
  height: number;
  /** SVG path data. */
  land: string;
  borders: string;
  graticule: string;
  markers: MapMarker[];
  /** The detail maps' areas outlined on the overview. */
  insets: string[];
}

export interface MapOptions {
  width: number;
  height: number;
  /** [[west, south], [east, north]]: show only this area (a detail map). Default: the whole world. */
  extent?: readonly [readonly [number, number], readonly [number, number]];
  /** Areas to outline (the detail maps'), whose places are drawn here as dots without names. */
  insetExtents?: readonly (readonly [readonly [number, number], readonly [number, number]])[];
  /** Average width of a label's character, in px, for collision checks. Default 6.4 (11 px sans). */
  charWidth?: number;
}

const LABEL_HEIGHT = 12;

/** A rectangle of the earth as a GeoJSON polygon, its ring clockwise: d3-geo reads a counter-clockwise ring as the rest of the sphere. */
export function extentPolygon(extent: NonNullable<MapOptions['extent']>): Feature<Polygon> {
  const [[west, south], [east, north]] = extent;
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [west, north],
          [east, north],
          [east, south],
          [west, south],
        ],
      ],
    },
  };
}

export const within = (extent: NonNullable<MapOptions['extent']>, [lon, lat]: readonly [number, number]) =>
  lon >= extent[0][0] && lon <= extent[1][0] && lat >= extent[0][1] && lat <= extent[1][1];

/**
 * Projects the world's countries (Natural Earth, from world-atlas) and the places onto an SVG
 * of the given size, at build time: the whole world in the Natural Earth projection, or a
 * detail area in Mercator. Names are placed beside their points where they collide with no
 * other name (right, left, above, below); a place whose name finds no room keeps its dot.
 */
export function mapView(places: readonly MapPlace[], topology: Topology, options: MapOptions): MapView {
  const { width, height, extent } = options;
  const insetExtents = extent ? [] : (options.insetExtents ?? []);
  const charWidth = options.charWidth ?? 6.4;
  const projection: GeoProjection = extent
    ? geoMercator()
        .fitExtent(
          [
            [8, 8],
            [width - 8, height - 8],
          ],
          extentPolygon(extent),
        )
        .clipExtent([
          [0, 0],
          [width, height],
        ])
    : geoNaturalEarth1().fitExtent(
        [
          [4, 4],
          [width - 4, height - 4],
        ],
        { type: 'Sphere' },
      );
  const path = geoPath(projection).digits(1);
  const countries = topology.objects['countries'] as GeometryCollection;
  const land = path(feature(topology, countries)) ?? '';
  const borders = path(mesh(topology, countries, (a, b) => a !== b)) ?? '';
  const graticule = path(geoGraticule10()) ?? '';

  const visible = places.filter((place) => (extent ? within(extent, place.coordinates) : true));
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const markers: MapMarker[] = [];
  // Points before regions, so that regions' labels give way to them.
  const ordered = [...visible].sort((a, b) => Number(a.region) - Number(b.region));
  for (const place of ordered) {
    const point = projection([place.coordinates[0], place.coordinates[1]]);
    if (!point) continue;
    const [x, y] = point;
    const marker: MapMarker = { id: place.id, name: place.name, x: round(x), y: round(y), region: place.region };
    if (!place.region) taken.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
    const dotOnly = !place.region && insetExtents.some((inset) => within(inset, place.coordinates));
    if (!dotOnly) {
      const label = placeLabel(place, x, y, charWidth, taken, width, height);
      if (label) marker.label = label;
    }
    markers.push(marker);
  }
  const insets = insetExtents.map((inset) => path(extentPolygon(inset)) ?? '');
  return { width, height, land, borders, graticule, markers, insets };
}

/**
 * Which map carries each place's page anchor (`#place-<id>`): a place is on several maps, an id
 * on one element only. `views` by name, in order of preference (the detail maps first): each
 * place goes to the first that shows it. The ids for each view, by the same names.
 */
export function anchorsByMap<Name extends string>(views: Record<Name, MapView>): Record<Name, Set<string>> {
  const placed = new Set<string>();
  const anchors = {} as Record<Name, Set<string>>;
  for (const [name, view] of Object.entries(views) as [Name, MapView][]) {
    anchors[name] = new Set(view.markers.map((marker) => marker.id).filter((id) => !placed.has(id)));
    for (const id of anchors[name]) placed.add(id);
  }
  return anchors;
}

function placeLabel(
  place: MapPlace,
  x: number,
  y: number,
  charWidth: number,
  taken: { x0: number; y0: number; x1: number; y1: number }[],
  width: number,
  height: number,
): MapLabel | undefined {
  const w = place.name.length * charWidth;
  const candidates: (MapLabel & { box: { x0: number; y0: number; x1: number; y1: number } })[] = place.region
    ? [0, -14, 14, -28, 28].map((dy) => ({
        x,
        y: y + 4 + dy,
        anchor: 'middle' as const,
        box: { x0: x - w / 2, y0: y - 8 + dy, x1: x + w / 2, y1: y + 4 + dy },
      }))
    : [
        { x: x + 6, y: y + 4, anchor: 'start', box: { x0: x + 5, y0: y - 8, x1: x + 6 + w, y1: y + 4 } },
        { x: x - 6, y: y + 4, anchor: 'end', box: { x0: x - 6 - w, y0: y - 8, x1: x - 5, y1: y + 4 } },
        { x, y: y - 7, anchor: 'middle', box: { x0: x - w / 2, y0: y - 7 - LABEL_HEIGHT, x1: x + w / 2, y1: y - 7 } },
        { x, y: y + 15, anchor: 'middle', box: { x0: x - w / 2, y0: y + 4, x1: x + w / 2, y1: y + 4 + LABEL_HEIGHT } },
      ];
  for (const { box, ...label } of candidates) {
    const inside = box.x0 >= 0 && box.x1 <= width && box.y0 >= 0 && box.y1 <= height;
    const free = taken.every((other) => box.x1 <= other.x0 || box.x0 >= other.x1 || box.y1 <= other.y0 || box.y0 >= other.y1);
    if (inside && free) {
      taken.push(box);
      return { x: round(label.x), y: round(label.y), anchor: label.anchor };
    }
  }
  // A region is drawn only as its name: it keeps its first position even where names touch.
  const [first] = candidates;
  return place.region && first ? { x: round(first.x), y: round(first.y), anchor: first.anchor } : undefined;
}

const round = (value: number) => Math.round(value * 10) / 10;
