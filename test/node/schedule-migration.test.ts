// A directory upgraded from explicit meeting dates and typed words: every
// stored schedule, published or waiting for review, takes the rules shape,
// keeping its dates (as one-off meetings) and its words (as the note).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { storedGroupSchema, type Group } from 'peer-directory/schema';
import type { Database } from '../../server/src/store/database.js';
import { loadMigrations, migrate } from '../../server/src/store/migrate.js';
import { openPgliteDatabase } from '../../server/src/store/pglite-database.js';
import { openPostgresDatabase } from '../../server/src/store/postgres-database.js';
import { openStore, type StoreOptions } from '../../server/src/store/index.js';
import { makeGroup, makeRegistrationInput } from '../support/fixtures.js';
import { startPostgres } from '../support/postgres.js';

const engines: { name: string; open(): Promise<{ db: Database; options: StoreOptions; done(): Promise<void> }> }[] = [
  {
    name: 'embedded PGlite',
    async open() {
      const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-migration-'));
      const db = await openPgliteDatabase(dataDir);
      return { db, options: { dataDir }, done: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await startPostgres();
      return {
        db: await openPostgresDatabase({ databaseUrl: database.url }),
        options: { databaseUrl: database.url },
        done: () => database.stop(),
      };
    },
  },
];

/** A group as the directory stored it before schedules had rules. */
function oldGroup(): Record<string, unknown> {
  const { schedule: _schedule, ...rest } = makeGroup({ name: 'Old Style Group' });
  return {
    ...rest,
    schedule: {
      description: 'First Tuesday of the month, 6pm to 7.30pm',
      timeZone: 'Europe/London',
      meetings: [{ start: '2099-12-01T18:00', durationMinutes: 90 }],
    },
  };
}

for (const engine of engines) {
  describe(`upgrading stored schedules on ${engine.name}`, () => {
    let cleanUp: (() => Promise<void>) | undefined;
    after(() => cleanUp?.());

    it('turns every stored schedule into rules, one-off meetings and a note, losing nothing', async () => {
      const { db, options, done } = await engine.open();
      cleanUp = done;
      const all = await loadMigrations();
      await migrate(
        db,
        all.filter((m) => m.name < '0004'),
      );
      const group = oldGroup();
      await db.query(`INSERT INTO groups (id, record, status) VALUES ($1, $2::jsonb, 'published')`, [group.id, JSON.stringify(group)]);
      const input = makeRegistrationInput();
      const pending = { ...input, group: { ...input.group, schedule: { description: 'Ask us', timeZone: 'Europe/London', meetings: [] } } };
      await db.query(
        `INSERT INTO registrations (id, reference, received_at, input, consent_at) VALUES ('reg-old', 'PD-AAAA-BBBB', now(), $1::jsonb, now())`,
        [JSON.stringify(pending)],
      );
      const [{ version: before } = { version: 0 }] = await db.query<{ version: string }>('SELECT version FROM groups WHERE id = $1', [
        group.id,
      ]);
      await db.close();

      const store = await openStore(options);
      try {
        const migrated = (await store.getGroup(group.id as string)) as Group;
        assert.deepEqual(migrated.schedule, {
          timeZone: 'Europe/London',
          rules: [],
          exceptions: [],
          meetings: [{ start: '2099-12-01T18:00', durationMinutes: 90 }],
          note: 'First Tuesday of the month, 6pm to 7.30pm',
        });
        assert.equal(storedGroupSchema.safeParse(migrated).success, true, 'the migrated group is valid as stored');
        const changes = await store.groupChanges(Number(before));
        assert.deepEqual(
          changes.upserts.map((g) => g.id),
          [group.id],
          'search indexes see the change',
        );
        const registration = await store.getRegistration('reg-old');
        assert.deepEqual(registration?.group.schedule, {
          timeZone: 'Europe/London',
          rules: [],
          exceptions: [],
          meetings: [],
          note: 'Ask us',
        });
      } finally {
        await store.close();
      }
    });
  });
}
