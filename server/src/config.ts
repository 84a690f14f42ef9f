/**
 * The server's configuration: read from the environment in this one place
 * and validated at start-up, so a mistyped value stops the server with a
 * message naming it rather than failing later on some request.
 * @module
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod/mini';
import { identifier, plainText } from 'peer-directory/schema';
import { DEFAULT_REFRESH_MS } from './search/index.js';
import type { LogConfig } from './logging.js';

/** The admin token `--demo` uses when ADMIN_TOKEN is unset: fine for a laptop, printed at start. */
export const DEMO_ADMIN_TOKEN = 'demo-admin-token';

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z.prefault(
    z
      .pipe(
        z.string(),
        z.transform((s) => Number(s.trim())),
      )
      .check(z.refine((n: number) => Number.isInteger(n) && n >= min && n <= max, `${name} must be a whole number from ${min} to ${max}`)),
    String(fallback),
  );

const optionalUrl = (name: string) => z.optional(z.url({ protocol: /^https?$/, error: `${name} must be an http:// or https:// address` }));

const corsOrigins = z.prefault(
  z
    .pipe(
      z.string(),
      z.transform((s): '*' | string[] =>
        s.trim() === '*'
          ? '*'
          : s
              .split(',')
              .map((o) => o.trim())
              .filter(Boolean),
      ),
    )
    .check(
      z.refine(
        (v: '*' | string[]) => v === '*' || (v.length > 0 && v.every((o) => /^https?:\/\/[^/\s]+$/.test(o))),
        'CORS_ORIGINS must be * or a comma-separated list of origins such as https://www.example.org (no path)',
      ),
    ),
  '*',
);

/** Fastify's trustProxy: all, none, the nearest N hops, or a list of addresses/CIDRs. */
export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

const trustProxy = z.prefault(
  z.pipe(
    z.string(),
    z.transform((s): TrustProxy => {
      const v = s.trim();
      if (v === 'true') return true;
      if (v === 'false' || v === '') return false;
      if (/^\d+$/.test(v)) {
        const hops = Number(v);
        return (_address, hop) => hop < hops;
      }
      return v;
    }),
  ),
  'false',
);

/** The environment variables the server reads, with their defaults. */
export const environmentSchema = z
  .object({
    PORT: wholeNumber('PORT', 0, 65535, 8080),
    HOST: z._default(z.string().check(z.minLength(1, 'HOST must not be empty')), '127.0.0.1'),
    DATA_DIR: z._default(z.string().check(z.minLength(1, 'DATA_DIR must not be empty')), './data'),
    DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://'))),
    ADMIN_TOKEN: z.optional(z.string().check(z.minLength(16, 'ADMIN_TOKEN must be at least 16 characters'))),
    GEOCODER_URL: optionalUrl('GEOCODER_URL'),
    CORS_ORIGINS: corsOrigins,
    REGISTRATION_RATE_LIMIT: wholeNumber('REGISTRATION_RATE_LIMIT', 1, 100000, 10),
    SEARCH_RATE_LIMIT: wholeNumber('SEARCH_RATE_LIMIT', 1, 10_000_000, 600),
    ADMIN_FAILURE_LIMIT: wholeNumber('ADMIN_FAILURE_LIMIT', 1, 100000, 10),
    SEARCH_REFRESH_MS: wholeNumber('SEARCH_REFRESH_MS', 100, 3600000, DEFAULT_REFRESH_MS),
    SEARCH_SNAPSHOT: z.optional(z.string().check(z.minLength(1))),
    TRUST_PROXY: trustProxy,
    PRINCIPLES_FILE: z.optional(z.string().check(z.minLength(1))),
    FEED_RATE_LIMIT: wholeNumber('FEED_RATE_LIMIT', 1, 1_000_000, 300),
    BODY_LIMIT_BYTES: wholeNumber('BODY_LIMIT_BYTES', 1024, 10 * 1024 * 1024, 64 * 1024),
    HEADERS_TIMEOUT_MS: wholeNumber('HEADERS_TIMEOUT_MS', 100, 600_000, 10_000),
    REQUEST_TIMEOUT_MS: wholeNumber('REQUEST_TIMEOUT_MS', 100, 600_000, 30_000),
    // Longer than the request timeout, so a stalled body gets a 408 rather than a silent close.
    IDLE_TIMEOUT_MS: wholeNumber('IDLE_TIMEOUT_MS', 100, 600_000, 60_000),
    KEEP_ALIVE_TIMEOUT_MS: wholeNumber('KEEP_ALIVE_TIMEOUT_MS', 100, 600_000, 5_000),
    MAX_CONNECTIONS: wholeNumber('MAX_CONNECTIONS', 1, 1_000_000, 1_000),
    HSTS_MAX_AGE: wholeNumber('HSTS_MAX_AGE', 0, 2 * 365 * 24 * 3600, 0),
    LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
    ACCESS_LOG: z._default(z.enum(['on', 'off']), 'off'),
    SLOW_REQUEST_MS: wholeNumber('SLOW_REQUEST_MS', 1, 600_000, 1_000),
    // Email (issue 14): all optional; without SMTP_URL the server sends none.
    SMTP_URL: z.optional(z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// address' })),
    MAIL_FROM: z.optional(
      plainText(200).check(z.regex(/@[^\s@>]+>?$/, 'MAIL_FROM must be an address such as "Peer Directory <directory@example.org>"')),
    ),
    PUBLIC_URL: optionalUrl('PUBLIC_URL'),
    GROUP_PAGE_URL: z.optional(
      z.string().check(z.regex(/^https?:\/\/\S*\{id\}\S*$/, 'GROUP_PAGE_URL must be an http(s) address with {id} where the group id goes')),
    ),
    REMINDER_RATE_LIMIT: wholeNumber('REMINDER_RATE_LIMIT', 1, 100000, 20),
  })
  .check(
    z.refine((e) => e.HEADERS_TIMEOUT_MS <= e.REQUEST_TIMEOUT_MS, {
      path: ['HEADERS_TIMEOUT_MS'],
      message: 'HEADERS_TIMEOUT_MS must not be longer than REQUEST_TIMEOUT_MS (the headers are part of the request)',
    }),
  );

/**
 * How long the server waits for a client, in ms. Without these a client that
 * opens a connection and sends slowly, or stops, holds a socket for ever.
 */
export interface Timeouts {
  /** The request line and headers must have arrived within this. */
  headersMs: number;
  /** The whole request, body included, must have arrived within this: a drip-fed body is cut off here. */
  requestMs: number;
  /** A connection with no traffic either way (a stalled body, a handler gone quiet) is closed after this. */
  idleMs: number;
  /** An idle keep-alive connection between requests is closed after this. */
  keepAliveMs: number;
}

const principleSchema = z.object({
  code: identifier,
  label: plainText(200, 'Give the principle a label'),
  description: z.optional(plainText(1000)),
});

/** A quality principle the operator configures (PRINCIPLES_FILE): the directory builds none in. */
export type Principle = z.infer<typeof principleSchema>;

/** The file PRINCIPLES_FILE names: a JSON array of `{ code, label, description? }`. */
export const principlesFileSchema = z.array(principleSchema);

/** Everything the server needs to start, validated. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded store keeps its files; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl?: string;
  /** Unset: every admin route answers 401. */
  adminToken?: string;
  /** Base URL of a postcodes.io-compatible geocoder; unset: offline sources only. */
  geocoderUrl?: string;
  corsOrigins: '*' | string[];
  /** Registrations accepted per client address per hour (refused ones do not count). */
  registrationRateLimit: number;
  /** Searches and geocodes per client address per minute. */
  searchRateLimit: number;
  /** Wrong admin tokens per client address per 15 minutes before admin routes answer 429. */
  adminFailureLimit: number;
  /** How often the search index polls the store for changes made by other processes (a fallback: changes are announced). */
  searchRefreshMs: number;
  /**
   * The file the search index is kept in between starts; `off` for none.
   * Default: `search-index.snapshot` in `dataDir` for the embedded store,
   * none on PostgreSQL.
   */
  searchSnapshot?: string;
  trustProxy: TrustProxy;
  principles: Principle[];
  /** Open Referral feed requests accepted per client address per minute. */
  feedRateLimit: number;
  /** Serve the demo site and browser bundles too (`serve --demo`). */
  demo: boolean;
  /** Largest request body accepted, in bytes: a registration is a few KB. */
  bodyLimitBytes: number;
  timeouts: Timeouts;
  /** Connections held open at once; beyond it new ones are closed at once. */
  maxConnections: number;
  log: LogConfig;
  /** Strict-Transport-Security max-age in seconds; 0 sends none (set it only behind TLS). */
  hstsMaxAgeSeconds: number;
  /** Email settings; absent when SMTP_URL is unset, and then no email is sent or promised. */
  mail?: MailConfig;
  /** "Remind me" requests accepted per client address per hour. */
  reminderRateLimit: number;
  /** Reminder requests a day per address and per group (defaults 5 and 200). */
  reminderLimits?: { perAddress: number; perGroup: number };
}

/** Where email goes and where its links point. */
export interface MailConfig {
  smtpUrl: string;
  from: string;
  /** The API's public base URL, for links in emails. */
  publicUrl: string;
  /** A group's page, `{id}` replaced by its id. */
  groupPageUrl: string;
}

/** Thrown when the environment holds a bad value; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`The server's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the configuration.
 * @param env the environment (`process.env` in the CLI); empty values count as unset
 * @param options `demo` gives ADMIN_TOKEN a fixed default so the demo admin works out of the box
 * @throws ConfigError naming every bad value
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { demo?: boolean } = {}): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = z.safeParse(environmentSchema, present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
        return `${message} (got ${JSON.stringify(present[name])})`;
      }),
    );
  }
  const e = parsed.data;
  const demo = options.demo ?? false;
  const mailProblems = [
    ...(e.SMTP_URL && !e.MAIL_FROM ? ['MAIL_FROM must be set when SMTP_URL is: the address emails come from'] : []),
    ...(e.SMTP_URL && !e.PUBLIC_URL
      ? ['PUBLIC_URL must be set when SMTP_URL is: where links in emails point, e.g. https://directory.example.org']
      : []),
  ];
  if (mailProblems.length > 0) throw new ConfigError(mailProblems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminToken: e.ADMIN_TOKEN ?? (demo ? DEMO_ADMIN_TOKEN : undefined),
    geocoderUrl: e.GEOCODER_URL,
    corsOrigins: e.CORS_ORIGINS,
    registrationRateLimit: e.REGISTRATION_RATE_LIMIT,
    searchRateLimit: e.SEARCH_RATE_LIMIT,
    adminFailureLimit: e.ADMIN_FAILURE_LIMIT,
    searchRefreshMs: e.SEARCH_REFRESH_MS,
    searchSnapshot: e.SEARCH_SNAPSHOT === undefined || e.SEARCH_SNAPSHOT === 'off' ? e.SEARCH_SNAPSHOT : resolve(e.SEARCH_SNAPSHOT),
    trustProxy: e.TRUST_PROXY,
    principles: e.PRINCIPLES_FILE ? readPrinciples(e.PRINCIPLES_FILE) : [],
    feedRateLimit: e.FEED_RATE_LIMIT,
    demo,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    timeouts: {
      headersMs: e.HEADERS_TIMEOUT_MS,
      requestMs: e.REQUEST_TIMEOUT_MS,
      idleMs: e.IDLE_TIMEOUT_MS,
      keepAliveMs: e.KEEP_ALIVE_TIMEOUT_MS,
    },
    maxConnections: e.MAX_CONNECTIONS,
    hstsMaxAgeSeconds: e.HSTS_MAX_AGE,
    log: { level: e.LOG_LEVEL, accessLog: e.ACCESS_LOG === 'on', slowRequestMs: e.SLOW_REQUEST_MS },
    ...(e.SMTP_URL && e.MAIL_FROM && e.PUBLIC_URL
      ? {
          mail: {
            smtpUrl: e.SMTP_URL,
            from: e.MAIL_FROM,
            publicUrl: e.PUBLIC_URL,
            groupPageUrl: e.GROUP_PAGE_URL ?? `${e.PUBLIC_URL.replace(/\/$/, '')}/v1/groups/{id}`,
          },
        }
      : {}),
    reminderRateLimit: e.REMINDER_RATE_LIMIT,
  };
}

/**
 * Reads the operator's quality principles from a JSON file.
 * @throws ConfigError when the file cannot be read or does not hold a list of principles
 */
export function readPrinciples(path: string): Principle[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError([`PRINCIPLES_FILE: cannot read ${path} as JSON (${(error as Error).message})`]);
  }
  const parsed = z.safeParse(principlesFileSchema, json);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `PRINCIPLES_FILE: ${path} at /${i.path.join('/')}: ${i.message}`));
  }
  const codes = new Set<string>();
  for (const p of parsed.data) {
    if (codes.has(p.code)) throw new ConfigError([`PRINCIPLES_FILE: ${path} lists the code "${p.code}" twice`]);
    codes.add(p.code);
  }
  return parsed.data;
}
