// Forward-only numbered migrations; PRAGMA user_version records the last one applied.
// Never edit a shipped migration: add the next number.

export const MIGRATIONS: readonly string[] = [
  /* 1: tickets, numbering, windows, the append-only event log, sessions, idempotency */ `
  CREATE TABLE tickets (
    id               TEXT PRIMARY KEY,
    day              TEXT NOT NULL,
    number           TEXT NOT NULL,
    seq              INTEGER NOT NULL,
    service_id       TEXT NOT NULL,
    status           TEXT NOT NULL,
    priority         TEXT,
    is_priority      INTEGER NOT NULL,
    channel          TEXT NOT NULL,
    issued_at        INTEGER NOT NULL,
    wait_from        INTEGER NOT NULL,
    target_window    INTEGER,
    window_no        INTEGER,
    clerk_id         TEXT,
    called_at        INTEGER,
    serving_at       INTEGER,
    finished_at      INTEGER,
    recall_count     INTEGER NOT NULL DEFAULT 0,
    transfer_count   INTEGER NOT NULL DEFAULT 0,
    note             TEXT,
    id_hash          TEXT,
    id_masked        TEXT,
    appointment_code TEXT,
    UNIQUE (day, number)
  ) STRICT;
  -- The head of each (service, priority) queue in O(log n): routing reads only these heads.
  CREATE INDEX tickets_queue ON tickets (day, service_id, is_priority, wait_from, issued_at, seq)
    WHERE status = 'waiting' AND target_window IS NULL;
  -- Waiting counts and the longest wait per service without touching finished tickets.
  CREATE INDEX tickets_waiting ON tickets (day, service_id, wait_from) WHERE status = 'waiting';
  CREATE INDEX tickets_reserved ON tickets (target_window, status, wait_from) WHERE target_window IS NOT NULL;
  CREATE INDEX tickets_open ON tickets (day, status);
  CREATE INDEX tickets_person ON tickets (id_hash, service_id) WHERE id_hash IS NOT NULL;

  CREATE TABLE counters (
    day    TEXT NOT NULL,
    prefix TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (day, prefix)
  ) STRICT;

  CREATE TABLE window_state (
    no             INTEGER PRIMARY KEY,
    open           INTEGER NOT NULL DEFAULT 1,
    paused_reason  TEXT,
    paused_at      INTEGER,
    current_ticket TEXT,
    clerk_id       TEXT,
    last_call_at   INTEGER,
    skills         TEXT
  ) STRICT;

  CREATE TABLE events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    type      TEXT NOT NULL,
    ticket_id TEXT,
    window_no INTEGER,
    clerk_id  TEXT,
    actor     TEXT NOT NULL,
    data      TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_ticket ON events (ticket_id);
  CREATE INDEX events_at ON events (at);
  CREATE TRIGGER events_append_only_u BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
  CREATE TRIGGER events_append_only_d BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

  CREATE TABLE sessions (
    token_digest TEXT PRIMARY KEY,
    clerk_id     TEXT NOT NULL,
    window_no    INTEGER,
    created_at   INTEGER NOT NULL,
    last_seen    INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE idempotency (
    scope      TEXT NOT NULL,
    key        TEXT NOT NULL,
    response   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  ) STRICT;

  CREATE TABLE appointments (
    code        TEXT PRIMARY KEY,
    service_id  TEXT NOT NULL,
    slot_start  INTEGER NOT NULL,
    slot_end    INTEGER NOT NULL,
    name_masked TEXT,
    ticket_id   TEXT
  ) STRICT;

  -- Waiting tickets per service and day, kept in the same transaction as every ticket change, so the
  -- queue counts sent after each call cost O(services) whatever the queue length.
  CREATE TABLE queue_counts (
    day        TEXT NOT NULL,
    service_id TEXT NOT NULL,
    waiting    INTEGER NOT NULL,
    PRIMARY KEY (day, service_id)
  ) STRICT;

  CREATE TABLE hall_days (
    day       TEXT PRIMARY KEY,
    closed_at INTEGER
  ) STRICT;
  `,
  /* 2: hall settings (board notices) */ `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
  /* 3: appointment check-in and no-shows */ `
  ALTER TABLE appointments ADD COLUMN status TEXT NOT NULL DEFAULT 'booked'
    CHECK (status IN ('booked', 'checked_in', 'no_show'));
  ALTER TABLE appointments ADD COLUMN checked_in_at INTEGER;
  CREATE INDEX appointments_slot ON appointments (slot_start);
  `,
  /* 4: evaluations (好差评), negative-review follow-ups, case numbers */ `
  ALTER TABLE tickets ADD COLUMN case_no TEXT;

  CREATE TABLE evaluations (
    id          TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL UNIQUE,   -- 一次一评: one evaluation per visit
    day         TEXT NOT NULL,
    window_no   INTEGER NOT NULL,
    clerk_id    TEXT,
    service_id  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'rated', 'unrated')),
    prompted_at INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    answered_at INTEGER,
    level       TEXT CHECK (level IN ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
    reasons     TEXT NOT NULL DEFAULT '[]',
    comment     TEXT,
    channel     TEXT,
    device_id   TEXT,
    voided      INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX evaluations_day ON evaluations (day, status);
  CREATE INDEX evaluations_pending ON evaluations (status, expires_at);

  CREATE TABLE follow_ups (
    id            INTEGER PRIMARY KEY,
    evaluation_id TEXT NOT NULL UNIQUE REFERENCES evaluations (id),
    state         TEXT NOT NULL,
    resume_state  TEXT,
    opened_at     INTEGER NOT NULL,
    deadline      TEXT NOT NULL,
    updated_at    INTEGER NOT NULL,
    overdue_alerted INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  `,
  /* 5: supervisor alerts (listed and acknowledged), time-limited skill changes (潮汐窗口) */ `
  CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    state       TEXT,
    message     TEXT NOT NULL,
    suggestion  TEXT,
    raised_at   INTEGER NOT NULL,
    resolved_at INTEGER,
    acked_at    INTEGER,
    acked_by    TEXT
  ) STRICT;
  CREATE INDEX alerts_open ON alerts (resolved_at, kind);
  CREATE INDEX alerts_raised ON alerts (raised_at);
  ALTER TABLE window_state ADD COLUMN skills_until INTEGER;
  ALTER TABLE window_state ADD COLUMN skills_revert TEXT;
  `,
  /* 6: the upstream outbox, written in the same transaction as the events it reports */ `
  CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    type       TEXT NOT NULL,
    at         INTEGER NOT NULL,
    data       TEXT NOT NULL,
    batch_id   TEXT,
    sent_at    INTEGER
  ) STRICT;
  CREATE INDEX outbox_unsent ON outbox (sent_at, seq);
  CREATE TABLE outbox_batches (
    id         TEXT PRIMARY KEY,
    first_seq  INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    sent_at    INTEGER,
    parked_at  INTEGER,
    last_error TEXT
  ) STRICT;
  `,
  /* 7: sessions belong to a window tenure and to the password they were opened with; idempotency keys are
     bound to the caller and the request's content (issue 23) */ `
  ALTER TABLE window_state ADD COLUMN tenure TEXT;
  ALTER TABLE sessions ADD COLUMN tenure TEXT;
  ALTER TABLE sessions ADD COLUMN credential TEXT NOT NULL DEFAULT '';
  -- Clerks logged in when the hall upgrades keep their windows: each holder gets a tenure, shared by the
  -- sessions it already has there; a session at a window someone else now holds gets none and ends.
  UPDATE window_state SET tenure = lower(hex(randomblob(12))) WHERE clerk_id IS NOT NULL;
  UPDATE sessions SET tenure = (SELECT w.tenure FROM window_state w
    WHERE w.no = sessions.window_no AND w.clerk_id = sessions.clerk_id) WHERE window_no IS NOT NULL;
  DELETE FROM sessions WHERE window_no IS NOT NULL AND tenure IS NULL;
  CREATE INDEX sessions_clerk ON sessions (clerk_id);
  CREATE INDEX sessions_tenure ON sessions (tenure) WHERE tenure IS NOT NULL;

  DROP TABLE idempotency;
  CREATE TABLE idempotency (
    caller      TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    response    TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (caller, key)
  ) STRICT;
  CREATE INDEX idempotency_age ON idempotency (created_at);
  `,
  /* 8: the hall configuration's saved versions (issue 21): who saved which, when; the newest runs */ `
  CREATE TABLE config_versions (
    version   INTEGER PRIMARY KEY,
    config    TEXT NOT NULL,
    saved_by  TEXT NOT NULL,
    saved_at  INTEGER NOT NULL,
    source    TEXT NOT NULL,
    file_hash TEXT,
    note      TEXT
  ) STRICT;
  `,
  /* 9: clerks' photos (issue 21), by their content's hash: the configuration keeps only the address
     (/api/photos/{id}), so its saved versions stay small and an earlier version's photo is still there */ `
  CREATE TABLE photos (
    id       TEXT PRIMARY KEY,
    type     TEXT NOT NULL,
    data     BLOB NOT NULL,
    saved_at INTEGER NOT NULL
  ) STRICT;
  `,
  /* 10: the wait each ticket was promised at its issue (issue 25), to measure the printed figures in the hall */ `
  CREATE TABLE wait_promises (
    ticket_id  TEXT PRIMARY KEY,
    day        TEXT NOT NULL,
    at         INTEGER NOT NULL,
    minutes    INTEGER NOT NULL,
    low        INTEGER NOT NULL,
    high       INTEGER NOT NULL,
    served_now INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX wait_promises_day ON wait_promises (day);
  `,
  /* 11: the window a ticket was last transferred from: the receiving clerk sees where the visitor comes from */ `
  ALTER TABLE tickets ADD COLUMN transferred_from INTEGER;
  `,
];
