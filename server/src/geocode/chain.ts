import type { GeocodeResult } from 'peer-directory/schema';
import type { Store } from '../store/store.js';
import { GeocoderUnavailableError, UnknownPlaceError, type Geocoder } from './geocoder.js';
import { LRUCache } from 'lru-cache';
import { findPlace } from './gazetteer.js';
import { coveredOffline, locateOffline } from './gb-postcodes.js';
import { parsePlaceQuery, type PlaceQuery, type PostcodeQuery } from './normalise.js';
import { PostcodesIoClient } from './postcodes-io.js';
import { areaResult, ukPostcodeArea, ukPostcodeAreaNamed } from './uk-areas.js';
import { lookupUsCity, lookupZip, stateCode } from './us-zip.js';

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
 * The geocoding chain: recognise, then memory; then for UK postcodes the
 * offline postcode data (exact for every live postcode in Great Britain),
 * the store's cache and the online provider for what that data lacks, and
 * the data's fallbacks or post towns when the provider cannot say; for ZIP
 * codes the US ZIP table; for place names the gazetteer, then the provider.
 * Unlike a single source it never returns undefined: an unknown place is an
 * UnknownPlaceError with a sentence people can read.
 */
export class GeocoderChain implements Geocoder {
  /** Answers by query; `place: null` remembers that no source knows it. */
  readonly #memory: LRUCache<string, { place: GeocodeResult | null }>;
  readonly #pending = new Map<string, Promise<Outcome>>();
  readonly #cache: PlaceCache | undefined;
  readonly #provider: PostcodesIoClient | undefined;

  constructor(options: GeocoderChainOptions = {}) {
    this.#memory = new LRUCache({ max: options.memoryEntries ?? 10_000 });
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
    if (remembered !== undefined) return answer(q, remembered.place);

    // Concurrent searches for one place share one lookup; it runs without
    // any one caller's signal so a caller leaving does not fail the others.
    let pending = this.#pending.get(q.key);
    if (!pending) {
      pending = this.#lookup(q).then((outcome) => {
        if (outcome.lasting) this.#memory.set(q.key, { place: outcome.place });
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
      case 'district':
        return this.#lookupUk(q);
      case 'place':
        return this.#lookupPlace(q);
    }
  }

  async #lookupUk(q: PostcodeQuery): Promise<Outcome> {
    // The area table is complete, so unknown letters need no provider to be unknown.
    if (!ukPostcodeArea(q.area)) return { place: null, lasting: true };
    const offline = locateOffline(q);
    // Code-Point Open places every live postcode and district in Great
    // Britain; the provider can only add postcodes OS has not got (new, or
    // terminated) and the areas OS does not cover.
    if (!this.#provider || offline?.precision === 'postcode' || (q.kind === 'district' && coveredOffline(q.area))) {
      return { place: offline ?? null, lasting: true };
    }
    const cached = await this.#cached(q.key);
    if (cached) return { place: cached, lasting: true };
    try {
      const said = q.kind === 'postcode' ? await this.#provider.postcode(q.label) : await this.#provider.outcode(q.outward);
      if (said.found === null || said.found === 'unplaced') return { place: offline ?? null, lasting: true };
      await this.#remember(q.key, said.found);
      return { place: said.found, lasting: true };
    } catch (error) {
      if (!(error instanceof GeocoderUnavailableError)) throw error;
      // The offline approximation beats failing the search, but is not kept: the provider may know better later.
      return { place: offline ?? null, lasting: false };
    }
  }

  async #lookupPlace(q: Extract<PlaceQuery, { kind: 'place' }>): Promise<Outcome> {
    const known = (await findPlace(q.name, stateCode)) ?? (await lookupUsCity(q.name));
    if (known) return { place: known, lasting: true };
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
    if (area) return { place: areaResult(area), lasting: !providerDown };
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
        ? `We could not find the postcode ${q.label}. Check it and try again.`
        : `We could not find the postcode ${q.label}: no UK postcode starts with ${q.area}.`;
    case 'district':
      return `We could not find the postcode district ${q.outward}. Check it, or enter a full postcode.`;
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
