import type { ReactiveControllerHost } from 'lit';

/**
 * A module an element downloads only when it first needs it (a bundler
 * makes each `import()` a file of its own): until then `module` is
 * undefined, and once it has arrived the host renders again with it.
 */
export class Lazy<M> {
  /** The module, once loaded. */
  module: M | undefined;
  private loading: Promise<M> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<M>,
  ) {}

  /** Starts loading (once; again after a failure) and resolves with the module. */
  load(): Promise<M> {
    this.loading ??= this.importer().then(
      (m) => {
        this.module = m;
        this.host.requestUpdate();
        return m;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
