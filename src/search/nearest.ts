/**
 * Nearest groups to a point, in a total order (distance, then id) so that
 * pages never overlap, in bounded time whatever the filters: the server's
 * index and the SDK's static directory both search with it.
 * @module
 */
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';

/** Whether item `i` of a table passes a filter. */
export type ItemTest = (item: number) => boolean;

/**
 * Groups that meet in person, item by item: the server's column tables and
 * the static directory's list both are one.
 */
export interface PointTable {
  readonly ids: readonly string[];
  readonly lat: ArrayLike<number>;
  readonly lng: ArrayLike<number>;
  readonly size: number;
}

/** Kilometres in a statute mile. */
export const KM_PER_MILE = 1.609344;

/**
 * Groups a filtered walk may turn down before it hands over to a scan.
 * geokdbush visits every group closer than the last one it returns, so a
 * filter few groups nearby pass (Welsh speakers, seen from London) would
 * have it read tens of thousands; past this many, reading the table's
 * columns end to end is cheaper.
 */
const WALK_BUDGET = 4000;

/** A group (item `item` of `table`) and its great-circle distance from the search origin. */
export interface Nearby<T extends PointTable = PointTable> {
  readonly table: T;
  readonly item: number;
  readonly km: number;
}

/** Groups that meet in person: a kdbush index whose item `i` is the table's item `i`. */
export interface GeoIndex<T extends PointTable = PointTable> {
  readonly tree: KDBush;
  readonly table: T;
}

/**
 * Indexes a table of groups that meet in person (each has `lat` and `lng`),
 * or wraps a tree kept from before (its `data`, as kdbush serialises it).
 */
export function buildGeoIndex<T extends PointTable>(table: T, data?: ArrayBuffer): GeoIndex<T> {
  if (data) return { tree: KDBush.from(data), table };
  const tree = new KDBush(table.size);
  for (let item = 0; item < table.size; item++) tree.add(table.lng[item]!, table.lat[item]!);
  return { tree: tree.finish(), table };
}

/**
 * The first `count` groups passing `test` within `radiusKm` of a point,
 * nearest first, equal distances in id order; `more` says whether any
 * passing group lies beyond them (within the radius).
 */
export function nearest<T extends PointTable>(
  index: GeoIndex<T>,
  lat: number,
  lng: number,
  count: number,
  radiusKm: number,
  test: ItemTest | undefined,
): { nearby: Nearby<T>[]; more: boolean } {
  const circle = circleAround(lat, lng, radiusKm);
  return walk(index, circle, count, test) ?? scan(index.table, circle, count, test!);
}

interface Circle {
  readonly lat: number;
  readonly lng: number;
  readonly km: number;
  readonly cosLat: number;
  /** The radius as geokdbush measures it (haversine of the central angle). */
  readonly limit: number;
  /** A box holding the whole circle; longitudes unbounded when it holds a pole or crosses ±180°. */
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLng: number;
  readonly maxLng: number;
}

/**
 * Asks geokdbush, or gives up (undefined) when a filter turns down more
 * than {@link WALK_BUDGET} groups.
 *
 * geokdbush orders equal distances arbitrarily, so when the last group
 * fetched is no farther than the last one wanted (groups sharing a venue),
 * more are fetched until the tie is whole; otherwise which of the tied
 * groups made a page could change between requests, and a page could repeat
 * a group or skip one.
 */
function walk<T extends PointTable>(index: GeoIndex<T>, circle: Circle, count: number, test: ItemTest | undefined) {
  const { tree, table } = index;
  let fetch = count + 1;
  for (;;) {
    const budget = { left: WALK_BUDGET };
    const predicate = test && passesOrLiesBeyond(table, circle, test, budget);
    const items = around(tree, circle.lng, circle.lat, fetch, circle.km, predicate);
    if (budget.left < 0) return undefined;
    const found = items.map((item) => nearby(table, circle, item));
    if (found.length === fetch && found[fetch - 1]!.km <= found[count - 1]!.km) {
      fetch *= 2;
      continue;
    }
    return firstOf(found, count);
  }
}

/**
 * The predicate handed to geokdbush: the filter, or "lies beyond the radius".
 *
 * geokdbush stops at `maxDistance` only when it pops a point farther than
 * that; kd-tree nodes are expanded whatever their distance. Letting every
 * point beyond the radius in gives it that stopping point (it never returns
 * such a point, being beyond `maxDistance`). Once the budget is spent,
 * everything is let in, so the walk ends at once and its answer is dropped.
 */
function passesOrLiesBeyond(table: PointTable, circle: Circle, test: ItemTest, budget: { left: number }) {
  const { lat, lng } = table;
  // A hair of margin so rounding can never make geokdbush count as inside a point we call beyond.
  const beyond = circle.limit * (1 + 1e-9);
  return (item: number): boolean => {
    if (test(item) || budget.left < 0) return true;
    budget.left--;
    const la = lat[item]!;
    const lo = lng[item]!;
    return outsideBox(circle, la, lo) || haverSinDist(circle, la, lo) > beyond;
  };
}

/** Every item, read from the table's columns: the box first, then the filter, then the exact distance. */
function scan<T extends PointTable>(table: T, circle: Circle, count: number, test: ItemTest) {
  const { lat, lng } = table;
  const found: Nearby<T>[] = [];
  for (let item = 0; item < table.size; item++) {
    const la = lat[item]!;
    const lo = lng[item]!;
    if (outsideBox(circle, la, lo) || !test(item) || haverSinDist(circle, la, lo) > circle.limit) continue;
    found.push(nearby(table, circle, item));
  }
  return firstOf(found, count);
}

function nearby<T extends PointTable>(table: T, circle: Circle, item: number): Nearby<T> {
  return { table, item, km: distance(circle.lng, circle.lat, table.lng[item]!, table.lat[item]!) };
}

function firstOf<T extends PointTable>(found: Nearby<T>[], count: number) {
  found.sort(byDistanceThenId);
  const more = found.length > count;
  if (more) found.length = count;
  return { nearby: found, more };
}

/** Nearest first; equal distances in id order, so pages of one list never overlap. */
export function byDistanceThenId(a: Nearby, b: Nearby): number {
  if (a.km !== b.km) return a.km - b.km;
  const x = a.table.ids[a.item]!;
  const y = b.table.ids[b.item]!;
  return x < y ? -1 : x > y ? 1 : 0;
}

// geokdbush's sphere and arithmetic, repeated exactly so that the scan
// keeps the groups geokdbush would keep and no others.
const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;
const BOX_MARGIN_DEGREES = 1e-7;

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

function haverSinDist(circle: Circle, lat: number, lng: number): number {
  return circle.cosLat * Math.cos(lat * RAD) * haverSin((circle.lng - lng) * RAD) + haverSin((circle.lat - lat) * RAD);
}

function circleAround(lat: number, lng: number, km: number): Circle {
  const angle = km / EARTH_RADIUS_KM;
  const dLat = angle / RAD + BOX_MARGIN_DEGREES;
  const minLat = lat - dLat;
  const maxLat = lat + dLat;
  // The widest longitude on a spherical cap: sin Δλ = sin δ / cos φ.
  const sinDLng = Math.sin(angle) / Math.cos(lat * RAD);
  let minLng = -Infinity;
  let maxLng = Infinity;
  if (minLat > -90 && maxLat < 90 && sinDLng < 1) {
    const dLng = Math.asin(sinDLng) / RAD + BOX_MARGIN_DEGREES;
    if (lng - dLng >= -180 && lng + dLng <= 180) {
      minLng = lng - dLng;
      maxLng = lng + dLng;
    }
  }
  return {
    lat,
    lng,
    km,
    cosLat: Math.cos(lat * RAD),
    limit: haverSin(angle),
    minLat,
    maxLat,
    minLng,
    maxLng,
  };
}

function outsideBox(circle: Circle, lat: number, lng: number): boolean {
  return lat < circle.minLat || lat > circle.maxLat || lng < circle.minLng || lng > circle.maxLng;
}

/** A distance in km as results give it, in `units`, to the hundredth. */
export function distanceIn(km: number, units: 'mi' | 'km'): number {
  return Math.round((km / (units === 'km' ? 1 : KM_PER_MILE)) * 100) / 100;
}
