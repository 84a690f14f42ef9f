import { z } from 'zod/mini';
import type { GeocodeResult } from 'peer-directory/schema';
import { GeocoderUnavailableError } from './geocoder.js';

/** Options of {@link PostcodesIoClient}. */
export interface PostcodesIoOptions {
  /** Base URL of a postcodes.io-compatible API, e.g. `https://api.postcodes.io`. */
  url: string;
  /** How long one request may take before the provider counts as down (default 3000 ms). */
  timeoutMs?: number;
  /**
   * After a failure, how long to answer "unavailable" without asking (default 30000 ms):
   * a hanging provider would otherwise cost every search the whole timeout.
   */
  retryAfterMs?: number;
}

/** What the provider said: a point, "no such thing", or a postcode it knows but cannot place. */
export type ProviderAnswer = { found: GeocodeResult } | { found: null } | { found: 'unplaced' };

const point = z.object({ latitude: z.nullable(z.number()), longitude: z.nullable(z.number()) });
const singleResponse = z.object({ result: z.nullable(point) });
const placeResponse = z.object({
  result: z.nullable(z.array(z.object({ name_1: z.string(), latitude: z.number(), longitude: z.number() }))),
});

/**
 * Client of a postcodes.io-compatible API (postcodes.io itself or a
 * self-hosted copy): postcodes, outcodes and place names.
 * Every method throws GeocoderUnavailableError when the provider cannot
 * answer (unreachable, timed out, 5xx, or an answer it should not give), and
 * rethrows the caller's abort as is.
 */
export class PostcodesIoClient {
  readonly #base: string;
  readonly #timeoutMs: number;
  readonly #retryAfterMs: number;
  #downUntil = 0;

  constructor(options: PostcodesIoOptions) {
    this.#base = options.url.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 3000;
    this.#retryAfterMs = options.retryAfterMs ?? 30_000;
  }

  /** A full postcode, normalised (`SW1A 1AA`). */
  async postcode(postcode: string, signal?: AbortSignal): Promise<ProviderAnswer> {
    const body = await this.#get(`/postcodes/${encodeURIComponent(postcode)}`, signal);
    return body === null ? { found: null } : this.#point(singleResponse, body, postcode, 'postcode');
  }

  /** A postcode district (outward code) alone (`SW1A`): its centroid. */
  async outcode(outcode: string, signal?: AbortSignal): Promise<ProviderAnswer> {
    const body = await this.#get(`/outcodes/${encodeURIComponent(outcode)}`, signal);
    return body === null ? { found: null } : this.#point(singleResponse, body, outcode, 'district');
  }

  /** The best match for a place name (`Leeds`), labelled with the provider's spelling. */
  async place(name: string, signal?: AbortSignal): Promise<ProviderAnswer> {
    const body = await this.#get(`/places?q=${encodeURIComponent(name)}&limit=1`, signal);
    if (body === null) return { found: null };
    const parsed = z.safeParse(placeResponse, body);
    if (!parsed.success) throw this.#down('the provider answered in an unexpected shape');
    const first = parsed.data.result?.[0];
    if (!first) return { found: null };
    return {
      found: { label: first.name_1, lat: first.latitude, lng: first.longitude, country: 'GB', precision: 'place', centre: first.name_1 },
    };
  }

  #point(schema: typeof singleResponse, body: unknown, label: string, precision: 'postcode' | 'district'): ProviderAnswer {
    const parsed = z.safeParse(schema, body);
    if (!parsed.success) throw this.#down('the provider answered in an unexpected shape');
    const { latitude, longitude } = parsed.data.result ?? { latitude: null, longitude: null };
    // postcodes.io knows some postcodes (Channel Islands, new builds) without a grid reference.
    if (latitude === null || longitude === null) return { found: 'unplaced' };
    const centre = precision === 'district' ? { centre: label } : {};
    return { found: { label, lat: latitude, lng: longitude, country: 'GB', precision, ...centre } };
  }

  /** The JSON body of a 200, null for a 404; throws for anything else. */
  async #get(path: string, signal?: AbortSignal): Promise<unknown> {
    if (Date.now() < this.#downUntil) throw new GeocoderUnavailableError('The postcode service failed recently');
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        headers: { accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw this.#down(`the provider answered ${response.status}`);
      }
      return await response.json();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof GeocoderUnavailableError) throw error;
      throw this.#down(timeout.aborted ? `no answer within ${this.#timeoutMs} ms` : (error as Error).message);
    }
  }

  #down(reason: string): GeocoderUnavailableError {
    this.#downUntil = Date.now() + this.#retryAfterMs;
    return new GeocoderUnavailableError(`The postcode service is not available: ${reason}`);
  }
}
