// A store made before the geocoding precisions were renamed keeps what its
// provider said, in the new words, and serves nothing the new schema rejects.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { geocodeResultSchema } from 'peer-directory/schema';
import { loadMigrations, migrate } from '../../server/src/store/migrate.js';
import { openPgliteDatabase } from '../../server/src/store/pglite-database.js';

test('an existing geocode cache is migrated to the new precisions', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-migration-'));
  const db = await openPgliteDatabase(dataDir);
  try {
    const all = await loadMigrations();
    await migrate(db, all.slice(0, 1));
    const put = (key: string, place: object) =>
      db.query('INSERT INTO geocode_cache (key, place) VALUES ($1, $2::jsonb)', [key, JSON.stringify(place)]);
    await put('GB:EH1', { label: 'EH1', lat: 55.95, lng: -3.19, country: 'GB', precision: 'outcode' });
    await put('GB:BT1 5GS', { label: 'BT1 5GS', lat: 54.596492, lng: -5.930241, country: 'GB', precision: 'postcode' });
    await put('x', { label: 'somewhere', lat: 1, lng: 2, precision: 'point' });

    assert.ok((await migrate(db)).length >= 1);
    const rows = await db.query<{ key: string; place: unknown }>('SELECT key, place FROM geocode_cache ORDER BY key');
    assert.deepEqual(
      rows.map((r) => r.key),
      ['GB:BT1 5GS', 'GB:EH1'],
    );
    for (const row of rows) assert.ok(geocodeResultSchema.safeParse(row.place).success, row.key);
    assert.deepEqual(rows[1]!.place, { label: 'EH1', lat: 55.95, lng: -3.19, country: 'GB', precision: 'district', centre: 'EH1' });
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
