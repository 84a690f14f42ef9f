/**
 * Great-circle distances by the haversine formula on a sphere of the Earth's
 * mean radius: the tests' own yardstick, independent of the code under test.
 * Plain functions, so node and browser tests can both import them.
 */
type Point = { lat: number; lng: number };

function haversine(a: Point, b: Point, radius: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * radius * Math.asin(Math.sqrt(h));
}

/** Distance in kilometres. */
export const kmBetween = (a: Point, b: Point) => haversine(a, b, 6371);

/** Distance in miles. */
export const milesBetween = (a: Point, b: Point) => haversine(a, b, 3958.8);
