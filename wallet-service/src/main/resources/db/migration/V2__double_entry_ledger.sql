-- The double-entry ledger. Every movement is a posting whose entries sum to zero (checked at
-- commit); account balances are maintained by the database from the entries, so they cannot
-- disagree; no account goes negative unless it is a contra account for money outside the ledger.

create table ledger_account (
    id             bigint generated always as identity primary key,
    owner_id       text    not null,
    asset          text    not null,
    kind           text    not null check (kind in
                       ('AVAILABLE', 'RESERVED', 'LOCKED', 'FEES', 'CUSTODY', 'EXTERNAL_FUNDING')),
    balance        bigint  not null default 0,
    allow_negative boolean not null default false,
    unique (owner_id, asset, kind),
    constraint ledger_account_not_negative check (allow_negative or balance >= 0)
);

create table ledger_posting (
    id         uuid        primary key,
    command_id text        not null unique, -- the idempotency key of the command that moved money
    kind       text        not null,
    asset      text        not null,
    created_at timestamptz not null default now()
);

create table ledger_entry (
    id            bigint generated always as identity primary key,
    posting_id    uuid   not null references ledger_posting (id),
    account_id    bigint not null references ledger_account (id),
    amount        bigint not null check (amount <> 0),
    balance_after bigint not null
);
create index ledger_entry_account on ledger_entry (account_id, id desc);
create index ledger_entry_posting on ledger_entry (posting_id);

-- Applies an entry to its account and records the resulting balance; the account's check
-- constraint refuses a balance below zero, failing the whole transaction.
create function ledger_apply_entry() returns trigger language plpgsql as $$
begin
    update ledger_account set balance = balance + new.amount where id = new.account_id
        returning balance into new.balance_after;
    if not found then
        raise exception 'ledger account % does not exist', new.account_id;
    end if;
    return new;
end $$;
create trigger ledger_entry_apply before insert on ledger_entry
    for each row execute function ledger_apply_entry();

-- At commit, every posting touched must balance to zero.
create function ledger_posting_balanced() returns trigger language plpgsql as $$
declare
    total numeric;
begin
    select sum(amount) into total from ledger_entry where posting_id = new.posting_id;
    if total <> 0 then
        raise exception 'ledger posting % does not balance (sum %)', new.posting_id, total;
    end if;
    return null;
end $$;
create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_posting_balanced();

-- Entries are history: never changed, never removed.
create function ledger_entry_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are immutable';
end $$;
create trigger ledger_entry_no_update before update or delete on ledger_entry
    for each row execute function ledger_entry_immutable();
