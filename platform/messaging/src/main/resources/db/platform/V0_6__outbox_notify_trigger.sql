-- Wakes the outbox relay (which listens on "c2c_outbox") when a transaction that wrote outbox rows commits.
-- Raised by the database, once per insert statement, instead of by the service after every event: a service
-- statement cost a round trip per event (a batch of 100 trades wrote about 200 of them), while PostgreSQL folds
-- the same notification raised many times in one transaction into one, delivered only at commit.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('c2c_outbox', '');
    return null;
end $$;

create trigger outbox_notify after insert on outbox_event for each statement execute function outbox_notify();
