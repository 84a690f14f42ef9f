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
//
// Under /__misbehave/<kind>/ the answer starts well and then goes wrong, as
// a broken proxy or a dying server does: `stall` sends a 200's headers and
// the start of its body, then nothing; `drip` sends the body a byte every
// 200 ms, never finishing; `drop` cuts the connection in the middle of the
// body. The raw response is written here, bypassing Koa, because Koa would
// wait for a body that never ends before sending anything.
const MISBEHAVIOURS = {
  stall: () => {},
  drip: (res) => {
    const timer = setInterval(() => (res.writable ? res.write(' ') : clearInterval(timer)), 200);
    res.on('close', () => clearInterval(timer));
  },
  drop: (res) => setTimeout(() => res.socket?.destroy(), 50),
};

export function failingApiPlugin() {
  return {
    name: 'peer-failing-api',
    serve(context) {
      const misbehaving = /^\/__misbehave\/(stall|drip|drop)(\/|$)/.exec(context.path);
      if (misbehaving) {
        const res = context.res;
        context.respond = false;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000', 'cache-control': 'no-store' });
        res.write('{"groups":[');
        MISBEHAVIOURS[misbehaving[1]](res);
        return { body: '', type: 'json' };
      }
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
