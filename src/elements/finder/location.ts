import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { roughly } from './address.js';

/** The outcome of asking for the device's location: where, or what to tell the person. */
export type Located = { lat: number; lng: number } | { problem: string };

/** Asks the browser for the device's location, once at a time, and says while it is asking. */
export class DeviceLocation {
  /** Waiting for the browser's answer. */
  locating = false;

  constructor(private host: ReactiveControllerHost) {}

  /** Resolves with a rough location, or the words to show instead; undefined if already asking. */
  async locate(): Promise<Located | undefined> {
    const geo = navigator.geolocation;
    if (this.locating) return undefined;
    if (!geo) return { problem: msg('Your browser cannot share your location. Enter a postcode or town instead.') };
    this.locating = true;
    this.host.requestUpdate();
    try {
      const { coords } = await new Promise<GeolocationPosition>((ok, fail) =>
        geo.getCurrentPosition(ok, fail, { timeout: 15_000, maximumAge: 600_000 }),
      );
      return { lat: roughly(coords.latitude), lng: roughly(coords.longitude) };
    } catch (error) {
      const denied = (error as GeolocationPositionError).code === 1;
      return {
        problem: denied
          ? msg(
              'This page is not allowed to use your location. Enter a postcode or town instead, or allow location in your browser’s settings.',
            )
          : msg('We could not find your location. Enter a postcode or town instead.'),
      };
    } finally {
      this.locating = false;
      this.host.requestUpdate();
    }
  }
}
