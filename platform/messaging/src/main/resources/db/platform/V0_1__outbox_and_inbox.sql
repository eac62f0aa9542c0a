-- Shared by every service (platform/messaging). Service migrations start at V1.

-- Events waiting to be published. A row is written in the same transaction as the state change it
-- describes; the relay publishes pending rows in id order and then stamps published_at.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    type         text        not null,
    subject      text,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (id) where published_at is null;

-- Events a consumer has already applied, written in the same transaction as the effect, so a
-- redelivered event (same CloudEvent id) is recognised and skipped.
create table inbox_event (
    consumer    text        not null,
    event_id    text        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
