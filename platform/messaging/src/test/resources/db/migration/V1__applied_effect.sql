-- The effect of the test consumer: one row per event it applied.
create table applied_effect (
    event_id   text primary key,
    payload    text not null,
    applied_at timestamptz not null default now()
);
