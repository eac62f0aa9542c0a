-- The hot wallet's signer (ADR 0014): ERC-20 transfers out of the hot wallet, each sent exactly once.
-- A transfer takes one nonce when it is signed; the nonce and the signed transaction are committed before
-- anything is broadcast, and every signed version (the first and each same-nonce replacement) is kept,
-- so a restart re-sends what was signed and at most one version can ever be mined.

create table outgoing_transfer (
    id            text        primary key check (length(id) between 1 and 128),
    chain_id      bigint      not null,
    to_address    text        not null check (to_address ~ '^0x[0-9a-f]{40}$'),
    amount_micros bigint      not null check (amount_micros > 0),
    state         text        not null default 'QUEUED'
                  check (state in ('QUEUED', 'SIGNED', 'BROADCAST', 'MINED', 'FAILED', 'BLOCKED')),
    -- why a transfer is BLOCKED (a blacklisted party) or FAILED (reverted on chain)
    reason        text,
    -- the hot wallet that signed it and the nonce it took: set once, when it is signed
    from_address  text        check (from_address ~ '^0x[0-9a-f]{40}$'),
    nonce         bigint      check (nonce >= 0),
    -- the version that was mined (MINED or FAILED)
    mined_tx_hash text,
    mined_block   bigint,
    created_at    timestamptz not null default now(),
    signed_at     timestamptz,
    broadcast_at  timestamptz,
    finished_at   timestamptz,
    -- A nonce belongs to a transfer from its signing on; a transfer never signed holds none.
    constraint outgoing_transfer_nonce_when_signed
        check ((state in ('QUEUED', 'BLOCKED')) = (nonce is null and from_address is null)),
    constraint outgoing_transfer_mined_hash_when_done
        check ((state in ('MINED', 'FAILED')) = (mined_tx_hash is not null))
);
-- One nonce of one hot wallet carries one transfer, ever.
create unique index outgoing_transfer_one_per_nonce on outgoing_transfer (chain_id, from_address, nonce)
    where nonce is not null;
-- The signer's work list: what is not finished yet.
create index outgoing_transfer_open on outgoing_transfer (state, created_at)
    where state in ('QUEUED', 'SIGNED', 'BROADCAST');

-- A transfer moves only forward, and what it says (id, chain, destination, amount, nonce) never changes.
create function outgoing_transfer_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'outgoing transfers are never removed (% refused)', tg_op using errcode = 'insufficient_privilege';
    end if;
    if (new.id, new.chain_id, new.to_address, new.amount_micros, new.created_at)
            is distinct from (old.id, old.chain_id, old.to_address, old.amount_micros, old.created_at)
       or (old.nonce is not null and (new.nonce, new.from_address) is distinct from (old.nonce, old.from_address)) then
        raise exception 'outgoing transfer %: only its state may change', old.id using errcode = 'check_violation';
    end if;
    if old.state <> new.state and not (
            (old.state = 'QUEUED' and new.state in ('SIGNED', 'BLOCKED'))
         or (old.state = 'SIGNED' and new.state in ('BROADCAST', 'MINED', 'FAILED'))
         or (old.state = 'BROADCAST' and new.state in ('MINED', 'FAILED'))) then
        raise exception 'outgoing transfer % may not go from % to %', old.id, old.state, new.state
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger outgoing_transfer_transition before update or delete on outgoing_transfer
    for each row execute function outgoing_transfer_forward_only();
create trigger outgoing_transfer_no_truncate before truncate on outgoing_transfer
    for each statement execute function outgoing_transfer_forward_only();

-- Every signed version of a transfer: version 1 is the first, 2.. replace it with the same nonce at a higher fee.
create table signed_transaction (
    tx_hash                  text        primary key check (tx_hash ~ '^0x[0-9a-f]{64}$'),
    transfer_id              text        not null references outgoing_transfer (id),
    version                  int         not null check (version >= 1),
    chain_id                 bigint      not null,
    from_address             text        not null,
    nonce                    bigint      not null check (nonce >= 0),
    raw_tx                   text        not null check (raw_tx ~ '^0x[0-9a-f]+$'),
    gas_limit                bigint      not null check (gas_limit > 0),
    max_fee_per_gas          bigint      not null check (max_fee_per_gas > 0),
    max_priority_fee_per_gas bigint      not null check (max_priority_fee_per_gas >= 0),
    created_at               timestamptz not null default now(),
    unique (transfer_id, version)
);
create function signed_transaction_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'signed transactions are history: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger signed_transaction_no_update before update or delete on signed_transaction
    for each row execute function signed_transaction_immutable();
create trigger signed_transaction_no_truncate before truncate on signed_transaction
    for each statement execute function signed_transaction_immutable();

-- The next nonce of each hot wallet on each chain: locked (FOR UPDATE) while a transaction is signed, so two
-- signers never take the same nonce; it only ever goes up.
create table hot_wallet_nonce (
    chain_id   bigint      not null,
    address    text        not null check (address ~ '^0x[0-9a-f]{40}$'),
    next_nonce bigint      not null check (next_nonce >= 0),
    updated_at timestamptz not null default now(),
    primary key (chain_id, address)
);
create function hot_wallet_nonce_only_up() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.next_nonce < old.next_nonce
            or (new.chain_id, new.address) is distinct from (old.chain_id, old.address) then
        raise exception 'a hot wallet''s next nonce only goes up (% refused)', tg_op using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger hot_wallet_nonce_up before update or delete on hot_wallet_nonce
    for each row execute function hot_wallet_nonce_only_up();
create trigger hot_wallet_nonce_no_truncate before truncate on hot_wallet_nonce
    for each statement execute function hot_wallet_nonce_only_up();

-- The service's role (ADR 0011): adds transfers and signed versions, moves a transfer's state, counts nonces up.
revoke all on outgoing_transfer, signed_transaction, hot_wallet_nonce from "${app_role}";
grant select, insert on outgoing_transfer, signed_transaction, hot_wallet_nonce to "${app_role}";
grant update (state, reason, from_address, nonce, mined_tx_hash, mined_block, signed_at, broadcast_at, finished_at)
    on outgoing_transfer to "${app_role}";
grant update (next_nonce, updated_at) on hot_wallet_nonce to "${app_role}";
