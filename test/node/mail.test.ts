// The registrant's four emails, read at a real SMTP server: each goes to the
// registrant alone, in their language, as plain text and HTML, and says what
// happened to their group. Without SMTP the server says email is off and the
// pages are told not to promise any.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAdminClient, createDirectoryClient } from 'peer-directory';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp-server.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

const fast = { pollMs: 50 };

describe('emails to the person who registers a group', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let directory: ReturnType<typeof createDirectoryClient>;
  let admin: ReturnType<typeof createAdminClient>;

  before(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ seed: 'none', smtpUrl: smtp.url, mailWorker: fast });
    directory = createDirectoryClient({ baseUrl: server.url });
    admin = createAdminClient({ baseUrl: server.url, token: server.adminToken });
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
  });

  /** The messages that arrive for `email` once `n` of them have. */
  async function mailTo(email: string, n: number): Promise<ReceivedMail[]> {
    for (let i = 0; ; i++) {
      const mine = smtp.messages.filter((m) => m.to.includes(email));
      if (mine.length >= n || i > 200) return mine;
      await smtp.waitFor(smtp.messages.length + 1, 20_000);
    }
  }

  async function register(name: string, email: string, language?: 'en' | 'es' | 'cy', updatesGroupId?: string) {
    const input = makeRegistrationInput({ registrant: { name, email, ...(language ? { language } : {}) } });
    return directory.registrations.create({ ...input, ...(updatesGroupId ? { updatesGroupId } : {}) });
  }

  test('says the group was received, with its reference, to the registrant alone, as text and HTML', async () => {
    const receipt = await register('Asha Patel', 'asha@example.org');
    await register('Ben Jones', 'ben@example.org');
    const [mail] = await mailTo('asha@example.org', 1);
    assert.deepEqual(mail!.to, ['asha@example.org']);
    assert.equal(mail!.from, 'directory@example.org');
    assert.match(mail!.subject, new RegExp(`We have received Bradford Parents of Type 1 Kids \\(${receipt.reference}\\)`));
    assert.match(mail!.text, /^Hello Asha Patel,/);
    assert.ok(mail!.text.includes(`Your reference is ${receipt.reference}.`));
    assert.ok(mail!.html.includes(`Your reference is ${receipt.reference}.`));
    assert.match(mail!.html, /<html lang="en">/);
    assert.ok(!mail!.raw.includes('ben@example.org') && !mail!.raw.includes('Ben Jones'), 'nothing of the other registrant');
    assert.equal(mail!.header('List-Unsubscribe'), undefined, 'a one-off notice has nothing to unsubscribe from');
  });

  test('says it is published, with the link to the group', async () => {
    const receipt = await register('Carys Evans', 'carys@example.org');
    const [pending] = (await admin.registrations.list({ status: 'pending' })).filter((r) => r.reference === receipt.reference);
    const approved = await admin.registrations.approve(pending!.id);
    const mails = await mailTo('carys@example.org', 2);
    const published = mails.find((m) => m.subject.includes('is now in the directory'))!;
    assert.ok(published, mails.map((m) => m.subject).join('; '));
    assert.ok(published.text.includes(`https://www.example.org/groups?group=${approved.groupId}`));
    assert.ok(published.html.includes(`href="https://www.example.org/groups?group=${approved.groupId}"`));
  });

  test('says it was not published, with the staff’s reason, written as text and never as markup', async () => {
    const receipt = await register('Dai Morgan', 'dai@example.org');
    const [pending] = (await admin.registrations.list({ status: 'pending' })).filter((r) => r.reference === receipt.reference);
    const reason = 'We could not reach the venue <b>on the phone</b>; please add a contact & try again.';
    await admin.registrations.reject(pending!.id, reason);
    const mails = await mailTo('dai@example.org', 2);
    const rejected = mails.find((m) => m.subject.includes('was not published'))!;
    assert.ok(rejected.text.includes(reason));
    assert.ok(
      rejected.html.includes('We could not reach the venue &lt;b&gt;on the phone&lt;/b&gt;; please add a contact &amp; try again.'),
    );
  });

  test('says an update was applied, in the registrant’s language', async () => {
    const first = await register('Elena García', 'elena@example.org', 'es');
    const [pending] = (await admin.registrations.list({ status: 'pending' })).filter((r) => r.reference === first.reference);
    const published = await admin.registrations.approve(pending!.id);
    const update = await register('Elena García', 'elena@example.org', 'es', published.groupId);
    const [change] = (await admin.registrations.list({ status: 'pending' })).filter((r) => r.reference === update.reference);
    await admin.registrations.approve(change!.id);
    const mails = await mailTo('elena@example.org', 4);
    assert.deepEqual(
      mails.map((m) => m.subject),
      [
        `Hemos recibido Bradford Parents of Type 1 Kids (${first.reference})`,
        'Bradford Parents of Type 1 Kids ya está en el directorio',
        `Hemos recibido Bradford Parents of Type 1 Kids (${update.reference})`,
        'Sus cambios en Bradford Parents of Type 1 Kids están publicados',
      ],
    );
    assert.match(mails[3]!.text, /^Hola, Elena García:/);
    assert.match(mails[3]!.html, /<html lang="es">/);
  });

  test('writes Welsh to a Welsh speaker', async () => {
    const receipt = await register('Gwen Huws', 'gwen@example.org', 'cy');
    const [mail] = await mailTo('gwen@example.org', 1);
    assert.equal(mail!.subject, `Rydym wedi cael Bradford Parents of Type 1 Kids (${receipt.reference})`);
    assert.match(mail!.text, /Eich cyfeirnod yw/);
  });

  test('tells pages that the directory sends email', async () => {
    assert.deepEqual((await directory.taxonomy()).features, { email: true });
  });
});

describe('a directory with no SMTP server', () => {
  test('tells pages it sends no email, so they promise none', async () => {
    const server = await startTestServer({ seed: 'none' });
    try {
      assert.deepEqual((await createDirectoryClient({ baseUrl: server.url }).taxonomy()).features, { email: false });
    } finally {
      await server.close();
    }
  });

  test('says at start-up that email is off', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-cli-'));
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'server/src/cli.ts', 'serve'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SMTP_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          if (out.includes('Email is off')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      assert.match(out, /Email is off: set SMTP_URL, MAIL_FROM and PUBLIC_URL/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
