import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditEntrySchema, identifier, registrationSchema, type Group } from 'peer-directory/schema';
import {
  openStore,
  REFERENCE_PATTERN,
  RegistrationStateError,
  StoreLockedError,
  type Store,
  type StoreOptions,
} from '../../server/src/store/index.js';
import { makeGroup, makeRegistrationInput, uniqueId } from '../support/fixtures.js';
import { engines } from '../support/engines.js';
import { startStoreProcess } from '../support/store-process-client.js';

for (const engine of engines) {
  describe(`the store on ${engine.name}`, () => {
    let store: Store;
    let options: StoreOptions;
    let tearDown: () => Promise<void>;

    before(async () => {
      ({ options, tearDown } = await engine.setUp());
      store = await openStore(options);
    });
    after(async () => {
      await store.close();
      await tearDown();
    });

    describe('groups', () => {
      it('publishes a group and serves it by id', async () => {
        const countBefore = await store.countGroups();
        const group = makeGroup();
        await store.putGroup(group, 'staff@charity');
        assert.deepEqual(await store.getGroup(group.id), group);
        assert.equal(await store.countGroups(), countBefore + 1);
      });

      it('knows nothing of a group never published', async () => {
        assert.equal(await store.getGroup('no-such-group'), undefined);
      });

      it('serves several published groups at once, leaving out unknown and archived ones', async () => {
        const [kept, other, archived] = [makeGroup(), makeGroup(), makeGroup()];
        for (const group of [kept, other, archived]) await store.putGroup(group, 'staff@charity');
        await store.archiveGroup(archived.id, 'staff@charity');
        const found = await store.getGroups([other.id, 'no-such-group', archived.id, kept.id]);
        assert.deepEqual(
          found.toSorted((a, b) => (a.id < b.id ? -1 : 1)),
          [kept, other].toSorted((a, b) => (a.id < b.id ? -1 : 1)),
        );
        assert.deepEqual(await store.getGroups([]), []);
      });

      it('serves the new record after staff edit a group, and logs the edit', async () => {
        const group = makeGroup();
        await store.putGroup(group, 'staff@charity');
        const edited = { ...group, name: 'Leeds Type 2 Tuesday Club' };
        await store.putGroup(edited, 'editor@charity');
        assert.deepEqual(await store.getGroup(group.id), edited);
        const [latest] = await store.listAudit(1);
        assert.deepEqual(
          { actor: latest?.actor, action: latest?.action, subject: latest?.subject },
          { actor: 'editor@charity', action: 'edit', subject: group.id },
        );
      });

      it('takes an archived group out of the directory and logs who did it and why', async () => {
        const group = makeGroup();
        await store.putGroup(group, 'staff@charity');
        const countBefore = await store.countGroups();
        assert.equal(await store.archiveGroup(group.id, 'staff@charity', 'The group has closed'), true);
        assert.equal(await store.getGroup(group.id), undefined);
        assert.equal(await store.countGroups(), countBefore - 1);
        assert.equal(await store.archiveGroup(group.id, 'staff@charity'), false, 'a second archive changes nothing');
        const [latest] = await store.listAudit(1);
        assert.equal(auditEntrySchema.safeParse(latest).success, true);
        assert.deepEqual(
          { action: latest?.action, subject: latest?.subject, detail: latest?.detail },
          { action: 'archive', subject: group.id, detail: 'The group has closed' },
        );
      });

      it('feeds the search index every publication, edit and archive, in order, once', async () => {
        const { version: start } = await store.groupChanges(0);
        const leeds = makeGroup();
        const online = makeGroup({ name: 'Type 1 Online Evening', formats: ['online'], servesEverywhere: true, location: undefined });
        await store.putGroup(leeds, 'staff@charity');
        await store.putGroup(online, 'staff@charity');

        const first = await store.groupChanges(start);
        assert.deepEqual(first.upserts, [leeds, online]);
        assert.deepEqual(first.removed, []);
        assert.ok(first.version > start);

        const edited = { ...leeds, summary: 'Now meeting weekly.' };
        await store.putGroup(edited, 'staff@charity');
        await store.archiveGroup(online.id, 'staff@charity');
        const second = await store.groupChanges(first.version);
        assert.deepEqual(second.upserts, [edited], 'only what changed since the last version');
        assert.deepEqual(second.removed, [online.id]);
        assert.ok(second.version > first.version);

        assert.deepEqual(await store.groupChanges(second.version), { version: second.version, upserts: [], removed: [] });
      });

      it('gives concurrent edits distinct, increasing versions, so none is missed by the feed', async () => {
        const { version: start } = await store.groupChanges(0);
        const groups = Array.from({ length: 20 }, () => makeGroup());
        await Promise.all(groups.map((g) => store.putGroup(g, 'staff@charity')));
        const changes = await store.groupChanges(start);
        assert.deepEqual(new Set(changes.upserts.map((g) => g.id)), new Set(groups.map((g) => g.id)));
      });

      it('seeds many groups in one transaction without filling the moderation log', async () => {
        const countBefore = await store.countGroups();
        const auditBefore = await store.listAudit(1);
        const { version: start } = await store.groupChanges(0);
        const groups = Array.from({ length: 2_500 }, (_, i) => makeGroup({ name: `Seeded group ${i}` }));
        const renamedTwice = { ...groups[0]!, name: 'Seeded group, renamed' };

        await store.putGroups([...groups, renamedTwice], 'seed');

        assert.equal(await store.countGroups(), countBefore + groups.length);
        assert.deepEqual(await store.getGroup(renamedTwice.id), renamedTwice, 'the last record for an id wins');
        assert.deepEqual(await store.listAudit(1), auditBefore);
        const changes = await store.groupChanges(start);
        assert.equal(changes.upserts.length, groups.length);
      });
    });

    describe('registrations', () => {
      it('keeps a registration for review with a reference people can quote', async () => {
        const input = makeRegistrationInput();
        const { registration, created } = await store.createRegistration({ input });

        assert.equal(created, true);
        assert.equal(registrationSchema.safeParse(registration).success, true);
        assert.equal(registration.status, 'pending');
        assert.match(registration.reference, REFERENCE_PATTERN);
        assert.equal(identifier.safeParse(registration.id).success, true, 'the id is safe in a URL');
        assert.deepEqual(registration.group, input.group);
        assert.deepEqual(registration.registrant, input.registrant);
        assert.equal(registration.consent.noMedicalAdvice, true);
        assert.ok(Date.parse(registration.consent.at) >= Date.now() - 60_000, 'consent is time-stamped');
        assert.deepEqual(await store.getRegistration(registration.id), registration);
        assert.ok((await store.listRegistrations('pending')).some((r) => r.id === registration.id));
      });

      it('gives every registration its own reference', async () => {
        const created = await Promise.all(Array.from({ length: 20 }, () => store.createRegistration({ input: makeRegistrationInput() })));
        assert.equal(new Set(created.map((c) => c.registration.reference)).size, 20);
      });

      it('answers a retried submission with the first registration, even when the retries race', async () => {
        const idempotencyKey = uniqueId('key');
        const input = makeRegistrationInput();
        const answers = await Promise.all(Array.from({ length: 6 }, () => store.createRegistration({ input, idempotencyKey })));
        assert.equal(answers.filter((a) => a.created).length, 1);
        assert.equal(new Set(answers.map((a) => a.registration.id)).size, 1);
        const later = await store.createRegistration({ input: makeRegistrationInput(), idempotencyKey });
        assert.deepEqual(later, { registration: answers[0]!.registration, created: false });
      });

      it('publishes the group when staff approve, recording the decision', async () => {
        const { registration } = await store.createRegistration({ input: makeRegistrationInput() });
        const group = groupFrom(registration.group);

        const approved = await store.approveRegistration(registration.id, group, 'moderator@charity');

        assert.equal(approved?.status, 'approved');
        assert.equal(approved?.groupId, group.id);
        assert.equal(approved?.decision?.by, 'moderator@charity');
        assert.equal(registrationSchema.safeParse(approved).success, true);
        assert.deepEqual(await store.getGroup(group.id), group);
        assert.deepEqual(await store.getRegistration(registration.id), approved);
        assert.ok(!(await store.listRegistrations('pending')).some((r) => r.id === registration.id));
        const [latest] = await store.listAudit(1);
        assert.deepEqual(
          { actor: latest?.actor, action: latest?.action, subject: latest?.subject },
          { actor: 'moderator@charity', action: 'approve', subject: registration.id },
        );
      });

      it('leaves the registration pending when the group cannot be published', async () => {
        const { registration } = await store.createRegistration({ input: makeRegistrationInput() });
        // PostgreSQL refuses a NUL character in jsonb: the group write fails
        // after the registration was already marked approved in the same transaction.
        const unstorable = { ...groupFrom(registration.group), name: 'Bad\u0000name' };
        const auditBefore = await store.listAudit(1);

        await assert.rejects(store.approveRegistration(registration.id, unstorable, 'moderator@charity'));

        assert.equal((await store.getRegistration(registration.id))?.status, 'pending');
        assert.equal(await store.getGroup(unstorable.id), undefined);
        assert.deepEqual(await store.listAudit(1), auditBefore);
      });

      it('records the reason when staff reject a registration', async () => {
        const { registration } = await store.createRegistration({ input: makeRegistrationInput() });
        const rejected = await store.rejectRegistration(registration.id, 'This is a sales event, not a group', 'moderator@charity');
        assert.equal(rejected?.status, 'rejected');
        assert.equal(rejected?.decision?.reason, 'This is a sales event, not a group');
        assert.equal(rejected?.groupId, undefined);
        assert.deepEqual(
          (await store.listRegistrations('rejected')).find((r) => r.id === registration.id),
          rejected,
        );
        const [latest] = await store.listAudit(1);
        assert.deepEqual(
          { action: latest?.action, subject: latest?.subject, detail: latest?.detail },
          { action: 'reject', subject: registration.id, detail: 'This is a sales event, not a group' },
        );
      });

      it('refuses to decide a registration twice', async () => {
        const { registration: first } = await store.createRegistration({ input: makeRegistrationInput() });
        await store.approveRegistration(first.id, groupFrom(first.group), 'moderator@charity');
        const alreadyApproved = (error: unknown) =>
          error instanceof RegistrationStateError && error.status === 'approved' && error.registrationId === first.id;
        await assert.rejects(store.approveRegistration(first.id, groupFrom(first.group), 'other@charity'), alreadyApproved);
        await assert.rejects(store.rejectRegistration(first.id, 'Too late', 'other@charity'), alreadyApproved);

        const { registration: second } = await store.createRegistration({ input: makeRegistrationInput() });
        await store.rejectRegistration(second.id, 'Duplicate', 'moderator@charity');
        await assert.rejects(
          store.approveRegistration(second.id, groupFrom(second.group), 'other@charity'),
          (error: unknown) => error instanceof RegistrationStateError && error.status === 'rejected',
        );
        assert.equal((await store.getRegistration(second.id))?.decision?.reason, 'Duplicate');
      });

      it('answers undefined for a registration that does not exist', async () => {
        assert.equal(await store.getRegistration('no-such-registration'), undefined);
        assert.equal(await store.approveRegistration('no-such-registration', makeGroup(), 'moderator@charity'), undefined);
        assert.equal(await store.rejectRegistration('no-such-registration', 'No', 'moderator@charity'), undefined);
      });
    });

    it('lists the moderation log newest first', async () => {
      const older = makeGroup();
      const newer = makeGroup();
      await store.putGroup(older, 'first@charity');
      await store.putGroup(newer, 'second@charity');
      const entries = await store.listAudit(2);
      assert.deepEqual(
        entries.map((e) => [e.subject, e.actor]),
        [
          [newer.id, 'second@charity'],
          [older.id, 'first@charity'],
        ],
      );
    });

    it('caches geocoded places, keeping the latest answer for a query', async () => {
      const key = uniqueId('postcode');
      assert.equal(await store.getCachedPlace(key), undefined);
      await store.cachePlace(key, { label: 'LS1 3AB', lat: 53.79, lng: -1.54, country: 'GB', precision: 'postcode' });
      await store.cachePlace(key, { label: 'LS1 3AB', lat: 53.7997, lng: -1.5492, country: 'GB', precision: 'postcode' });
      assert.deepEqual(await store.getCachedPlace(key), {
        label: 'LS1 3AB',
        lat: 53.7997,
        lng: -1.5492,
        country: 'GB',
        precision: 'postcode',
      });
    });

    it('keeps everything across a close and reopen', async () => {
      const group = makeGroup();
      await store.putGroup(group, 'staff@charity');
      const { registration } = await store.createRegistration({ input: makeRegistrationInput() });
      const changes = await store.groupChanges(0);
      await store.close();

      store = await openStore(options);
      assert.deepEqual(await store.getGroup(group.id), group);
      assert.deepEqual(await store.getRegistration(registration.id), registration);
      assert.deepEqual(await store.groupChanges(0), changes, 'the feed and its versions are unchanged');
    });
  });
}

describe('the embedded store’s data directory', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-lock-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('refuses a second server process, saying what to do', async () => {
    const store = await openStore({ dataDir });
    try {
      const second = startStoreProcess('hold', dataDir);
      const opened = await Promise.race([
        second.ready.then(
          () => true,
          () => false,
        ),
        second.exited.then(() => false),
      ]);
      if (opened) second.child.kill('SIGKILL');
      assert.equal(opened, false, 'the second process opened the store');
      const { code, stderr } = await second.exited;
      assert.equal(code, 3);
      assert.match(stderr, new RegExp(`Another peer-directory server is already using the data directory ${escape(dataDir)}`));
      assert.match(stderr, /Stop it, or point DATA_DIR at another directory\./);
    } finally {
      await store.close();
    }
  });

  it('refuses a second store in the same process', async () => {
    const store = await openStore({ dataDir });
    try {
      await assert.rejects(openStore({ dataDir }), StoreLockedError);
    } finally {
      await store.close();
    }
  });

  it('stops writing once another process has taken the directory over', async () => {
    const ownDir = await mkdtemp(join(tmpdir(), 'peer-directory-takeover-'));
    const store = await openStore({ dataDir: ownDir });
    try {
      // What a second server does when this one stalled past the stale threshold:
      // it removes the lock and takes a new one.
      await rm(join(ownDir, 'store.lock'), { recursive: true });
      await mkdir(join(ownDir, 'store.lock'));
      const refused = await eventually(() =>
        store.countGroups().then(
          () => false,
          (error) => error instanceof StoreLockedError,
        ),
      );
      assert.ok(refused, 'the store kept answering after losing its lock');
      await assert.rejects(store.putGroup(makeGroup(), 'staff@charity'), /lost its lock on the data directory/);
    } finally {
      await store.close();
      await rm(ownDir, { recursive: true, force: true });
    }
  });

  it('lets a restarted server in at once after the last one was killed with kill -9', async () => {
    const killed = startStoreProcess('hold', dataDir);
    await killed.ready;
    killed.child.kill('SIGKILL');
    await killed.exited;

    // The abandoned lock is still fresh (refreshed 2 s ago at most, stale only
    // after 10 s): only seeing its holder is dead lets this open succeed now.
    const store = await openStore({ dataDir });
    assert.equal(await store.countGroups(), 0);
    await store.close();
  });

  it('lets only one of several servers restarted together in after the last one was killed with kill -9', async () => {
    // Each round gives the race another chance to interleave badly.
    for (let round = 0; round < 3; round++) {
      const killed = startStoreProcess('hold', dataDir);
      await killed.ready;
      killed.child.kill('SIGKILL');
      await killed.exited;

      const racers = Array.from({ length: 3 }, () => startStoreProcess('race', dataDir));
      try {
        await Promise.all(racers.map((racer) => racer.waiting));
        for (const racer of racers) racer.go();
        const outcomes = await Promise.all(
          racers.map((racer) =>
            racer.ready.then(
              () => 'opened' as const,
              () => racer.exited.then(({ code }) => code),
            ),
          ),
        );
        assert.equal(outcomes.filter((outcome) => outcome === 'opened').length, 1, `round ${round}: ${outcomes.join(', ')}`);
        assert.deepEqual(
          outcomes.filter((outcome) => outcome !== 'opened'),
          [3, 3],
          'the others are refused',
        );
      } finally {
        for (const racer of racers) racer.child.kill('SIGKILL');
        await Promise.all(racers.map((racer) => racer.exited));
      }
    }
  });

  it('lets a server in once the lock of one killed before it said who held it goes stale', async () => {
    const ownDir = await mkdtemp(join(tmpdir(), 'peer-directory-ownerless-'));
    try {
      // What a server killed between taking the lock and writing its owner leaves behind.
      await mkdir(join(ownDir, 'store.lock'));
      const store = await openStore({ dataDir: ownDir });
      assert.equal(await store.countGroups(), 0);
      await store.close();
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  });

  it('loses no acknowledged registration when the server is killed with kill -9', async () => {
    const writer = startStoreProcess('write', dataDir);
    await writer.ready;
    const acknowledged = await writer.acknowledged(25);
    writer.child.kill('SIGKILL');
    await writer.exited;
    // Ids printed after we counted 25 but before the kill landed count too.
    const allAcknowledged = writer.acknowledgedSoFar();
    assert.ok(allAcknowledged.length >= acknowledged.length);

    const store = await openStore({ dataDir });
    try {
      const missing = [];
      for (const id of allAcknowledged) if (!(await store.getRegistration(id))) missing.push(id);
      assert.deepEqual(missing, [], `${missing.length} of ${allAcknowledged.length} acknowledged registrations lost`);
    } finally {
      await store.close();
    }
  });
});

/** The group staff publish from a registration: its details, an id, and a time stamp. */
function groupFrom(input: Parameters<typeof makeGroup>[0]): Group {
  return makeGroup({ ...input, id: uniqueId('approved') });
}

/** Polls `check` until it answers true, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
