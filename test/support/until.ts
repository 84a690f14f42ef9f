/**
 * Waiting for something another process or a background refresh does,
 * by asking again until it holds.
 * @module
 */

/** Options of {@link until}. */
export interface UntilOptions {
  /** How often to ask, in ms (default 20). */
  everyMs?: number;
  /** What is waited for, for the error on timeout. */
  waitingFor?: string;
}

/** Resolves once `condition` holds, asking every `everyMs`; rejects after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  { everyMs = 20, waitingFor }: UntilOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(waitingFor ? `timed out waiting for ${waitingFor}` : 'timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
