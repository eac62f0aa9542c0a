-- Development and test funding: an admin credits USDT to an owner. Marked as such in every row;
-- the chain issue replaces it with confirmed deposits. The reference makes the credit idempotent.
create table funding_credit (
    id            uuid        primary key,
    reference     text        not null unique,
    owner_id      text        not null,
    asset         text        not null,
    amount_micros bigint      not null check (amount_micros > 0),
    credited_by   text        not null,
    kind          text        not null default 'ADMIN_DEV_CREDIT',
    created_at    timestamptz not null
);
create index funding_credit_owner on funding_credit (owner_id, created_at desc);
