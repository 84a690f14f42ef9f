#!/usr/bin/env node
/**
 * `peer-directory-server serve [--demo]`: runs the directory API, configured
 * from the environment (see docs/api.md). `--demo` also serves the demo site
 * and the browser bundles, with a demo admin token when ADMIN_TOKEN is unset.
 * @module
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { fixMmapThreshold } from './fixed-mmap-threshold.js';

// First, before anything is allocated: a million groups' columns would leave freed memory resident.
fixMmapThreshold();

// Node keeps the compiled code of the server and its dependencies on disk
// (in the OS's temporary directory): a restart skips compiling them again.
// Loaded after this call, hence the dynamic imports.
enableCompileCache();
const { ConfigError, loadConfig } = await import('./config.js');
const { createServer, StoreLockedError } = await import('./index.js');
const { runImportCommand } = await import('./import/command.js');
const { runExportCommand } = await import('./export/command.js');

const USAGE = `Usage: peer-directory-server serve [--demo]
       peer-directory-server import FILE|URL [--dry-run] [--publish] [--by EMAIL] ...
       peer-directory-server export --format hsds|csv|static [--output FILE]

  serve          run the directory API (configured by environment variables:
                 PORT, HOST, DATA_DIR, DATABASE_URL, ADMIN_TOKEN, GEOCODER_URL,
                 CORS_ORIGINS, REGISTRATION_RATE_LIMIT, SEARCH_RATE_LIMIT,
                 ADMIN_FAILURE_LIMIT, SEARCH_REFRESH_MS, SEARCH_SNAPSHOT,
                 TRUST_PROXY,
                 PRINCIPLES_FILE, FEED_RATE_LIMIT, BODY_LIMIT_BYTES,
                 HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, IDLE_TIMEOUT_MS,
                 KEEP_ALIVE_TIMEOUT_MS, MAX_CONNECTIONS, HSTS_MAX_AGE,
                 LOG_LEVEL, ACCESS_LOG, SLOW_REQUEST_MS;
                 email: SMTP_URL, MAIL_FROM, PUBLIC_URL, GROUP_PAGE_URL,
                 REMINDER_RATE_LIMIT; see docs/api.md)
  --demo         also serve the demo site at / and the browser bundles at /cdn/
  import         add groups from a spreadsheet, an HSDS package or an Open Referral feed
                 (import --help for its options)
  export         write the published directory as HSDS, CSV or a static JSON file
  -h, --help     show this help`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'import') return runImportCommand(argv.slice(1));
  if (argv[0] === 'export') return runExportCommand(argv.slice(1));
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { demo: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'serve') {
    console.error(USAGE);
    return 2;
  }

  const config = loadConfig(process.env, { demo: values.demo });
  const server = await createServer(config, { logger: true });
  const url = await server.listen();

  console.log(`peer-directory API on ${url} (${config.databaseUrl ? 'PostgreSQL' : `embedded store in ${config.dataDir}`})`);
  if (config.demo) {
    console.log(`Demo site: ${url}/`);
    if (!process.env.ADMIN_TOKEN) console.log(`Demo admin token: ${config.adminToken}`);
  }
  if (!config.adminToken) console.log('Admin routes are off: set ADMIN_TOKEN to turn them on.');
  if (config.mail) console.log(`Email is on: sending through ${new URL(config.mail.smtpUrl).host} as ${config.mail.from}.`);
  else
    console.log(
      'Email is off: set SMTP_URL, MAIL_FROM and PUBLIC_URL to send registrant emails and reminders. Pages will not promise emails.',
    );

  // Closing releases the embedded store's lock, so the next start finds the data directory free.
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`${signal}: shutting down`);
      server.close().then(resolve, (error: unknown) => {
        console.error(error);
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Start-up failures people can fix get their message alone, not a stack.
    if (error instanceof ConfigError || error instanceof StoreLockedError) {
      console.error(error.message);
    } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      console.error(`${error.message}: another program is using this port; set PORT to another one.`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
