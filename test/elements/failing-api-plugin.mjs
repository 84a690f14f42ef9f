// A @web/test-runner plugin for the finder's failure stories: under
// /__fail/<status>/ the test server answers every request with that status,
// as a failing or overloaded directory would (`api="/__fail/500"`: a server
// error; `api="/__fail/429"`: rate limited, with Retry-After: 30). The real
// API server cannot be made to fail on demand.
//
// A plugin's `serve` result always answers 200, and middleware added after
// start-up is never called (koa-compose copies the list), so the status is
// set the way Koa answers any failed request: by throwing an HTTP error,
// whose `status` and `headers` Koa's error handler sends.
export function failingApiPlugin() {
  return {
    name: 'peer-failing-api',
    serve(context) {
      const match = /^\/__fail\/(\d{3})(\/|$)/.exec(context.path);
      if (!match) return undefined;
      const status = Number(match[1]);
      const error = new Error(`Failing with ${status} on purpose`);
      // The dev server logs the failure: one line is enough.
      error.stack = error.message;
      Object.assign(error, {
        status,
        expose: true,
        headers: { 'cache-control': 'no-store', ...(status === 429 ? { 'retry-after': '30' } : {}) },
      });
      throw error;
    },
  };
}
