-- The effect of EventConsumerTest's probe: one row per label it applied, in the order it applied them
-- (the sequence), committed or rolled back with the inbox row as a real effect is.
create table probe_effect (
    seq   bigint generated always as identity primary key,
    label text not null
);
