-- Token transfers the wallet's signer sent from platform addresses (withdrawals, sweeps), followed until final.
-- One row per signed version (a transfer replaced at a higher fee has several, with one nonce); the transfer
-- is final once one version's receipt is confirmations deep on the canonical chain: CONFIRMED (status 1) or
-- FAILED (status 0, mined but reverted). Its other versions can then never be mined (the nonce is used):
-- SUPERSEDED. The partial unique index makes "final once per transfer" a fact of the database, whatever
-- instance or retry writes it.
create table outgoing_tx (
    id            bigint generated always as identity primary key,
    chain_id      bigint      not null,
    tx_hash       text        not null check (tx_hash ~ '^0x[0-9a-f]{64}$'),
    transfer_id   text        not null check (length(transfer_id) between 1 and 100),
    purpose       text        not null check (purpose in ('WITHDRAWAL', 'SWEEP')),
    nonce         bigint      not null check (nonce >= 0),
    from_address  text        not null check (from_address ~ '^0x[0-9a-f]{40}$'),
    to_address    text        not null check (to_address ~ '^0x[0-9a-f]{40}$'),
    amount_micros bigint      not null check (amount_micros > 0),
    state         text        not null check (state in ('PENDING', 'MINED', 'CONFIRMED', 'FAILED', 'SUPERSEDED')),
    -- where a receipt was last seen (MINED and final states); cleared when its block leaves the chain
    block_number  bigint      check (block_number >= 0),
    block_hash    text        check (block_hash ~ '^0x[0-9a-f]{64}$'),
    reason        text,
    signed_at     timestamptz not null,
    changed_at    timestamptz not null,
    unique (chain_id, tx_hash),
    check ((state in ('MINED', 'CONFIRMED', 'FAILED')) = (block_number is not null and block_hash is not null))
);
create unique index outgoing_tx_final_once on outgoing_tx (chain_id, transfer_id) where state in ('CONFIRMED', 'FAILED');
create index outgoing_tx_open on outgoing_tx (chain_id, id) where state in ('PENDING', 'MINED');
