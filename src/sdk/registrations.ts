import type { RegistrationInput, RegistrationReceipt } from '../schema/index.js';
import type { RequestOptions, Send } from './transport.js';

/** Options for `registrations.create`. */
export interface CreateRegistrationOptions extends RequestOptions {
  /**
   * Identifies this registration across attempts: sending the same key again
   * returns the first receipt and never creates a second registration.
   * Defaults to a fresh random UUID per call; pass your own to make a
   * resubmitted form (after a page reload, say) safe too.
   */
  idempotencyKey?: string;
}

/** Registering groups: `client.registrations`. */
export interface RegistrationsResource {
  /**
   * Sends a new group (or changes to one) for review. Nothing is published
   * until directory staff approve it; the receipt's `reference` is what the
   * registrant quotes if they get in touch. Safe to retry: the request
   * carries an `Idempotency-Key`.
   */
  create(input: RegistrationInput, options?: CreateRegistrationOptions): Promise<RegistrationReceipt>;
}

export function registrationsResource(send: Send): RegistrationsResource {
  return {
    create: (input, options) =>
      send('v1/registrations', 'registrationReceipt', {
        method: 'post',
        json: input,
        headers: { 'idempotency-key': options?.idempotencyKey ?? crypto.randomUUID() },
        // The key makes a repeat harmless, so a POST may be retried like a read.
        retry: { methods: ['post'] },
        signal: options?.signal,
      }),
  };
}
