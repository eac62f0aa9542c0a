-- How far each chain has been scanned: every block up to cursor_block is read, its deposits recorded.
-- cursor_hash is that block's hash, compared with the node's before each step to notice a reorg.
create table chain_cursor (
    chain_id      bigint      primary key,
    name          text        not null,
    cursor_block  bigint      not null check (cursor_block >= -1),
    cursor_hash   text        check (cursor_hash ~ '^0x[0-9a-f]{64}$'),
    head_block    bigint,
    last_step_at  timestamptz not null,
    check ((cursor_block = -1) = (cursor_hash is null))
);

-- The hashes of the recent blocks the scanner read (its unconfirmed window and a margin past it), so that a
-- reorg can be walked back to the newest block the node still has.
create table kept_block (
    chain_id    bigint not null,
    number      bigint not null check (number >= 0),
    hash        text   not null check (hash ~ '^0x[0-9a-f]{64}$'),
    parent_hash text   not null check (parent_hash ~ '^0x[0-9a-f]{64}$'),
    primary key (chain_id, number)
);

-- Token transfers to watched addresses. One deposit is (chain, tx hash, log index), whatever block it is
-- seen in: a deposit found again (a re-scan after a restart or a reorg) is the same row and is announced
-- once per state it reaches.
create table deposit (
    id             bigint generated always as identity primary key,
    chain_id       bigint      not null,
    tx_hash        text        not null check (tx_hash ~ '^0x[0-9a-f]{64}$'),
    log_index      integer     not null check (log_index >= 0),
    block_number   bigint      not null check (block_number >= 0),
    block_hash     text        not null check (block_hash ~ '^0x[0-9a-f]{64}$'),
    token_contract text        not null check (token_contract ~ '^0x[0-9a-f]{40}$'),
    from_address   text        not null check (from_address ~ '^0x[0-9a-f]{40}$'),
    to_address     text        not null check (to_address ~ '^0x[0-9a-f]{40}$'),
    owner_id       text        not null,
    -- the transfer's value in the token's base unit, exactly as on chain (uint256)
    raw_value      numeric(78, 0) not null check (raw_value > 0),
    -- the same in micro-units; null only when it does not fit a long (OVERSIZED, never reported)
    amount_micros  bigint      check (amount_micros > 0),
    state          text        not null check (state in ('DETECTED', 'CONFIRMED', 'REVERTED', 'REORGED', 'OVERSIZED')),
    reason         text,
    detected_at    timestamptz not null,
    changed_at     timestamptz not null,
    unique (chain_id, tx_hash, log_index),
    check ((state = 'OVERSIZED') = (amount_micros is null)),
    check (amount_micros is null or raw_value = amount_micros)
);
create index deposit_pending on deposit (chain_id, block_number) where state = 'DETECTED';
create index deposit_by_state on deposit (chain_id, state, id);
