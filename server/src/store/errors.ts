import type { RegistrationStatus } from 'peer-directory/schema';

/**
 * Thrown when a moderator decides on a registration that has already been
 * decided (approved or rejected): the API answers 409 Conflict.
 */
export class RegistrationStateError extends Error {
  override name = 'RegistrationStateError';
  constructor(
    /** The registration asked about. */
    readonly registrationId: string,
    /** Its status now: never `pending`. */
    readonly status: RegistrationStatus,
  ) {
    super(`Registration ${registrationId} has already been ${status}; only pending registrations can be decided.`);
  }
}

/**
 * Thrown when the embedded store's data directory is in use by another
 * process (or was taken over after this process stalled). Two processes on one
 * PGlite directory silently lose data, so the second one must not start.
 */
export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
  constructor(
    /** The data directory, as an absolute path. */
    readonly dataDir: string,
    message = `Another peer-directory server is already using the data directory ${dataDir} (lock held). ` +
      'Stop it, or point DATA_DIR at another directory.',
  ) {
    super(message);
  }
}
