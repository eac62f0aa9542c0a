-- Deposit addresses whose incoming token transfers are watched, per chain.
create table watched_address (
    chain_id   bigint      not null,
    address    text        not null check (address ~ '^0x[0-9a-f]{40}$'),
    owner_id   text        not null,
    created_at timestamptz not null,
    primary key (chain_id, address)
);
