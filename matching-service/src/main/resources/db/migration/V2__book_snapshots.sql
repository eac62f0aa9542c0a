-- Snapshots of the in-memory books with the input offsets they include. On start the engine
-- restores the newest and replays the input topic from those offsets; outputs of replayed inputs
-- carry the same event ids and are skipped by the outbox.
create table book_snapshot (
    id       bigint generated always as identity primary key,
    taken_at timestamptz not null default now(),
    inputs   bigint      not null,
    data     bytea       not null
);
