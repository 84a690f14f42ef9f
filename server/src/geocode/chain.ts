import type { GeocodeResult } from 'peer-directory/schema';
import type { Store } from '../store/store.js';
import { GeocoderUnavailableError, UnknownPlaceError, type Geocoder } from './geocoder.js';
import { LruCache } from './memory-cache.js';
import { parsePlaceQuery, type PlaceQuery } from './normalise.js';
import { PostcodesIoClient } from './postcodes-io.js';
import { areaResult, ukPostcodeArea, ukPostcodeAreaNamed } from './uk-areas.js';
import { lookupUsCity, lookupZip } from './us-zip.js';

/** The persistent cache the chain reads and writes: the store's place cache. */
export type PlaceCache = Pick<Store, 'getCachedPlace' | 'cachePlace'>;

/** Options of {@link GeocoderChain}. */
export interface GeocoderChainOptions {
  cache?: PlaceCache;
  provider?: PostcodesIoClient;
  /** How many answers the memory cache keeps (default 10,000). */
  memoryEntries?: number;
}

/** A lookup's answer and whether it may be remembered (a fallback taken while the provider is down may not). */
interface Outcome {
  place: GeocodeResult | null;
  lasting: boolean;
}

/**
 * The geocoding chain: normalise, then memory, then the store's cache, then
 * the US ZIP table, the online provider and the offline UK areas, each asked
 * only for the kinds of query it can answer.
 * Unlike a single source it never returns undefined: an unknown place is an
 * UnknownPlaceError with a sentence people can read.
 */
export class GeocoderChain implements Geocoder {
  readonly #memory: LruCache<string, GeocodeResult | null>;
  readonly #pending = new Map<string, Promise<Outcome>>();
  readonly #cache: PlaceCache | undefined;
  readonly #provider: PostcodesIoClient | undefined;

  constructor(options: GeocoderChainOptions = {}) {
    this.#memory = new LruCache(options.memoryEntries ?? 10_000);
    this.#cache = options.cache;
    this.#provider = options.provider;
  }

  /**
   * Where a postcode, ZIP code or place is.
   * @throws InvalidPlaceError when the query is none of those
   * @throws UnknownPlaceError when it is well formed but no source knows it
   * @throws GeocoderUnavailableError when only the (failing) provider could have answered
   */
  async geocode(query: string, signal?: AbortSignal): Promise<GeocodeResult> {
    signal?.throwIfAborted();
    const q = parsePlaceQuery(query);
    const remembered = this.#memory.get(q.key);
    if (remembered !== undefined) return answer(q, remembered);

    // Concurrent searches for one place share one lookup; it runs without
    // any one caller's signal so a caller leaving does not fail the others.
    let pending = this.#pending.get(q.key);
    if (!pending) {
      pending = this.#lookup(q).then((outcome) => {
        if (outcome.lasting) this.#memory.set(q.key, outcome.place);
        return outcome;
      });
      pending.then(
        () => this.#pending.delete(q.key),
        () => this.#pending.delete(q.key),
      );
      this.#pending.set(q.key, pending);
    }
    const outcome = await untilAborted(pending, signal);
    return answer(q, outcome.place);
  }

  async #lookup(q: PlaceQuery): Promise<Outcome> {
    switch (q.kind) {
      case 'zip':
        return { place: (await lookupZip(q.zip)) ?? null, lasting: true };
      case 'postcode':
      case 'outcode':
        return this.#lookupUk(q);
      case 'place':
        return this.#lookupPlace(q);
    }
  }

  async #lookupUk(q: Extract<PlaceQuery, { kind: 'postcode' | 'outcode' }>): Promise<Outcome> {
    const area = ukPostcodeArea(q.area);
    // The area table is complete, so unknown letters need no provider to be unknown.
    if (!area) return { place: null, lasting: true };
    const cached = await this.#cached(q.key);
    if (cached) return { place: cached, lasting: true };
    if (!this.#provider) return { place: areaResult(area, q.label), lasting: true };
    try {
      const said = q.kind === 'postcode' ? await this.#provider.postcode(q.postcode) : await this.#provider.outcode(q.outcode);
      if (said.found === null) return { place: null, lasting: true };
      if (said.found === 'unplaced') return { place: areaResult(area, q.label), lasting: true };
      await this.#remember(q.key, said.found);
      return { place: said.found, lasting: true };
    } catch (error) {
      if (!(error instanceof GeocoderUnavailableError)) throw error;
      // Searching near the area beats failing the search.
      return { place: areaResult(area, q.label), lasting: false };
    }
  }

  async #lookupPlace(q: Extract<PlaceQuery, { kind: 'place' }>): Promise<Outcome> {
    const usCity = await lookupUsCity(q.name);
    if (usCity) return { place: usCity, lasting: true };
    const cached = await this.#cached(q.key);
    if (cached) return { place: cached, lasting: true };

    let providerDown: GeocoderUnavailableError | undefined;
    if (this.#provider) {
      try {
        const said = await this.#provider.place(q.name);
        if (said.found !== null && said.found !== 'unplaced') {
          await this.#remember(q.key, said.found);
          return { place: said.found, lasting: true };
        }
      } catch (error) {
        if (!(error instanceof GeocoderUnavailableError)) throw error;
        providerDown = error;
      }
    }
    const area = ukPostcodeAreaNamed(q.name);
    if (area) return { place: areaResult(area, area.name), lasting: !providerDown };
    if (providerDown) throw providerDown;
    return { place: null, lasting: true };
  }

  // The store cache speeds things up and survives restarts, but a search
  // must not fail because it is unreachable: its errors count as a miss.
  async #cached(key: string): Promise<GeocodeResult | undefined> {
    try {
      return await this.#cache?.getCachedPlace(key);
    } catch {
      return undefined;
    }
  }

  async #remember(key: string, place: GeocodeResult): Promise<void> {
    try {
      await this.#cache?.cachePlace(key, place);
    } catch {
      // As above: the answer is good even if it could not be kept.
    }
  }
}

function answer(q: PlaceQuery, place: GeocodeResult | null): GeocodeResult {
  if (place) return place;
  throw new UnknownPlaceError(unknownMessage(q));
}

function unknownMessage(q: PlaceQuery): string {
  switch (q.kind) {
    case 'zip':
      return `We could not find ZIP code ${q.zip}. Check it and try again.`;
    case 'postcode':
      return ukPostcodeArea(q.area)
        ? `We could not find the postcode ${q.postcode}. Check it and try again.`
        : `We could not find the postcode ${q.postcode}: no UK postcode starts with ${q.area}.`;
    case 'outcode':
      return `We could not find the postcode district ${q.outcode}. Check it, or enter a full postcode.`;
    case 'place':
      return `We could not find a place called “${q.name}”. Try a postcode or ZIP code instead.`;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
