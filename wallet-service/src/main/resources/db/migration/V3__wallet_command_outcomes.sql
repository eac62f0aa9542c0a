-- The one outcome of every wallet command (done or rejected), by command id. A command that arrives
-- again is answered with this same outcome instead of being decided again: a command rejected for
-- lack of funds must not succeed on a later replay, after its sender has already acted on the rejection.
create table wallet_command_outcome (
    command_id   text        primary key,
    command_type text        not null,
    outcome_type text        not null,
    record_key   text        not null,
    subject      text        not null,
    payload      text        not null,
    created_at   timestamptz not null
);
