import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createAdminClient, NetworkError, TimeoutError, UnauthorizedError, type AdminClient } from '../../index.js';

/**
 * A staff member's session: the access token, kept in this tab's
 * sessionStorage (so it survives a reload but not closing the tab, and is
 * never written to localStorage or a cookie), one per API address; signing
 * in checks the token with the API before keeping it.
 */
export class StaffSession implements ReactiveController {
  /** The accepted token; empty when signed out. */
  token = '';
  /** What is typed in the sign-in form. */
  typed = '';
  /** Why signing in failed, or why the session ended. */
  error = '';
  busy = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => string,
  ) {
    host.addController(this);
  }

  private get key(): string {
    return `peer-review-queue:${this.api()}`;
  }

  /** Picks up the token kept for the current API address (on connection, or when the address changes). */
  restore(): void {
    try {
      this.token = sessionStorage.getItem(this.key) ?? '';
    } catch {
      this.token = '';
    }
  }

  hostConnected(): void {
    this.restore();
  }

  client(token = this.token): AdminClient {
    return createAdminClient({ baseUrl: this.api(), token });
  }

  /** Checks the typed token with the API and keeps it if accepted. Resolves whether it was. */
  async signIn(): Promise<boolean> {
    const token = this.typed.trim();
    if (!token) {
      this.error = msg('Enter your access token');
      this.host.requestUpdate();
      return false;
    }
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      // Checked now, so a mistyped token is reported on the sign-in form.
      await this.client(token).registrations.list({ status: 'pending' });
      this.keep(token);
      this.typed = '';
      this.error = '';
      return true;
    } catch (error) {
      this.error =
        error instanceof UnauthorizedError
          ? msg('That access token was not accepted. Check it and try again.')
          : error instanceof NetworkError || error instanceof TimeoutError
            ? msg('We could not reach the directory. Check your connection and try again.')
            : msg('Signing in did not work. Try again in a few minutes.');
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  signOut(): void {
    this.keep('');
    this.error = '';
    this.host.requestUpdate();
  }

  /** The API refused the token (it was changed or revoked): back to sign-in, saying why. */
  expire(): void {
    this.keep('');
    this.error = msg('Your access token was not accepted. It may have been changed. Sign in again.');
    this.host.requestUpdate();
  }

  private keep(token: string): void {
    this.token = token;
    try {
      if (token) sessionStorage.setItem(this.key, token);
      else sessionStorage.removeItem(this.key);
    } catch {
      // Blocked storage: the token lasts until the page is reloaded.
    }
  }
}
