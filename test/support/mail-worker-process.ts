/**
 * A server process that only sends the outbox, for the durability tests:
 * `node --conditions=source --import tsx test/support/mail-worker-process.ts <store> <smtpUrl> [leaseMs]`
 * where `<store>` is a data directory or a `postgres://` URL. It prints one
 * JSON line per worker event (`sending`, `sent`, `retry`, `failed`) and runs
 * until killed; it prints `ready` once the worker has started.
 */
import { openStore } from '../../server/src/store/index.js';
import { MailWorker } from '../../server/src/mail/index.js';
import { smtpTransport } from '../../server/src/mail/transport.js';

const [where, smtpUrl, lease = '120000'] = process.argv.slice(2);
if (!where || !smtpUrl) {
  console.error('usage: mail-worker-process.ts <dataDir|postgres-url> <smtpUrl> [leaseMs]');
  process.exit(2);
}
const postgres = where.startsWith('postgres');
const store = await openStore(postgres ? { databaseUrl: where } : { dataDir: where });
const leaseMs = Number(lease);
const worker = new MailWorker({
  store,
  transport: smtpTransport(smtpUrl, 'Peer Directory <directory@example.org>', {
    connectionTimeout: leaseMs / 4,
    socketTimeout: leaseMs / 2,
  }),
  pollMs: 20,
  batch: 5,
  leaseMs,
  onEvent: (event) => console.log(JSON.stringify(event)),
});
await worker.start(!postgres);
console.log('ready');
process.once(
  'SIGTERM',
  () =>
    void worker
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0)),
);
