-- Email (issue 14): the outbox every email is queued in, in the same
-- transaction as the change that causes it, and reminder subscriptions,
-- kept apart from the directory's tables.

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The Message-ID header: the same on every attempt, so a repeat after a
  -- crash between the SMTP server's acceptance and our commit is recognisable.
  message_id text NOT NULL UNIQUE,
  kind text NOT NULL,
  -- The address and the rendered message; both cleared once sent, so no
  -- address outlives its email.
  recipient text,
  message jsonb,
  -- A reminder's subscription: unsent reminders go when it is deleted.
  subscription_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  due_at timestamptz NOT NULL DEFAULT now(),
  -- While a worker is sending it; a claim that outlives its worker (kill -9) expires.
  claimed_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  failed_at timestamptz,
  CHECK (sent_at IS NULL OR failed_at IS NULL)
);
CREATE INDEX outbox_waiting ON outbox (due_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_failed ON outbox (failed_at) WHERE failed_at IS NOT NULL;

-- "Remind me about this meeting": an address, a group, which meeting (or
-- every one) and how long before. Never joined into a public answer.
CREATE TABLE reminder_subscriptions (
  id text PRIMARY KEY,
  group_id text NOT NULL,
  email text NOT NULL,
  language text NOT NULL,
  -- The one meeting's local start (YYYY-MM-DDTHH:mm), or NULL for every meeting.
  meeting text,
  -- Minutes before a meeting to remind, e.g. {10080,1440}.
  offsets integer[] NOT NULL,
  -- The capability in every link (confirm, unsubscribe).
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  -- The next reminder: when, for which meeting, how long before it.
  next_at timestamptz,
  next_meeting text,
  next_offset integer
);
CREATE INDEX reminders_due ON reminder_subscriptions (next_at) WHERE confirmed_at IS NOT NULL;
CREATE INDEX reminders_by_group ON reminder_subscriptions (group_id) WHERE confirmed_at IS NOT NULL;
CREATE INDEX reminders_unconfirmed ON reminder_subscriptions (created_at) WHERE confirmed_at IS NULL;

ALTER TABLE outbox ADD FOREIGN KEY (subscription_id) REFERENCES reminder_subscriptions (id) ON DELETE CASCADE;

-- Requests for reminders over the last day, for the per-address and
-- per-group limits; the address only as a hash, and rows older than a day deleted.
CREATE TABLE reminder_requests (
  at timestamptz NOT NULL DEFAULT now(),
  email_hash text NOT NULL,
  group_id text NOT NULL
);
CREATE INDEX reminder_requests_by_email ON reminder_requests (email_hash, at);
CREATE INDEX reminder_requests_by_group ON reminder_requests (group_id, at);
