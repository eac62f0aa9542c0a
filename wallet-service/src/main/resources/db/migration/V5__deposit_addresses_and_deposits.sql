-- On-chain deposits (ADR 0013): each owner's deposit address per chain, and every deposit the chain
-- watcher reported, with what the wallet made of it.

-- 1. Deposit addresses. BIP-44 .../0/address_index of the configured account xpub; an index is given to one
--    owner once and never again (a reused address would credit its next deposit to the wrong owner).
create table deposit_address (
    chain_id      bigint      not null check (chain_id > 0),
    owner_id      text        not null check (length(owner_id) between 1 and 64),
    address_index integer     not null check (address_index >= 0),
    address       text        not null check (address ~ '^0x[0-9a-f]{40}$'),
    assigned_at   timestamptz not null default now(),
    primary key (chain_id, owner_id),
    unique (chain_id, address_index),
    unique (chain_id, address)
);
create index deposit_address_owner on deposit_address (owner_id, chain_id);
create trigger deposit_address_no_update before update or delete on deposit_address
    for each row execute function ledger_history_immutable();
create trigger deposit_address_no_truncate before truncate on deposit_address
    for each statement execute function ledger_history_immutable();

-- 2. Deposits, one per token transfer (chain, transaction, log index). CONFIRMED and REORGED_AFTER_CREDIT
--    are the credited states (credited_at set); a credited deposit never leaves them and its owner, address
--    and amount never change. The credit itself is the ledger posting 'deposit:<chain>:<tx>:<log index>'.
create table deposit (
    chain_id       bigint      not null check (chain_id > 0),
    tx_hash        text        not null check (tx_hash ~ '^0x[0-9a-f]{64}$'),
    log_index      integer     not null check (log_index >= 0),
    to_address     text        not null check (to_address ~ '^0x[0-9a-f]{40}$'),
    owner_id       text,       -- the wallet's owner of to_address; null when the address is not one it gave out
    token_contract text        check (token_contract ~ '^0x[0-9a-f]{40}$'),
    amount_micros  bigint      not null check (amount_micros > 0),
    state          text        not null check (state in
                       ('DETECTED', 'CONFIRMED', 'REVERTED', 'UNCREDITED', 'REORGED_AFTER_CREDIT')),
    reason         text,
    block_number   bigint      not null check (block_number >= 0),
    block_hash     text        not null check (block_hash ~ '^0x[0-9a-f]{64}$'),
    detected_at    timestamptz not null default now(),
    credited_at    timestamptz,
    changed_at     timestamptz not null default now(),
    primary key (chain_id, tx_hash, log_index),
    constraint deposit_credited_states check ((state in ('CONFIRMED', 'REORGED_AFTER_CREDIT')) = (credited_at is not null)),
    constraint deposit_credited_has_owner check (credited_at is null or owner_id is not null),
    constraint deposit_uncredited_has_reason check (state <> 'UNCREDITED' or reason is not null)
);
-- The owner's pending deposits (the balances' pending column) read only DETECTED rows.
create index deposit_pending on deposit (owner_id) where state = 'DETECTED';

-- A deposit is never removed, and once credited stays credited, for the same owner, address and amount.
create function deposit_credit_is_final() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'deposits are never removed (% refused)', tg_op using errcode = 'insufficient_privilege';
    end if;
    if (new.chain_id, new.tx_hash, new.log_index, new.to_address) is distinct from
            (old.chain_id, old.tx_hash, old.log_index, old.to_address) then
        raise exception 'deposit %:%:% may not change its key or address', old.chain_id, old.tx_hash, old.log_index
            using errcode = 'check_violation';
    end if;
    if old.credited_at is not null and ((new.credited_at, new.owner_id, new.amount_micros)
            is distinct from (old.credited_at, old.owner_id, old.amount_micros)) then
        raise exception 'deposit %:%:% was credited: its credit, owner and amount are final', old.chain_id,
            old.tx_hash, old.log_index using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger deposit_transition before update or delete on deposit
    for each row execute function deposit_credit_is_final();
create trigger deposit_no_truncate before truncate on deposit
    for each statement execute function deposit_credit_is_final();

-- 3. CUSTODY, one account per deposit address (owner 'custody:<chain>:<address>'), is the contra of the
--    deposits credited to users: it goes negative by what the platform holds on chain, as EXTERNAL_FUNDING
--    does for development credits. No other account may go negative; an owner's accounts never do.
alter table ledger_account drop constraint ledger_account_negative_only_external_funding;
alter table ledger_account add constraint ledger_account_negative_only_contra
    check (not allow_negative or kind in ('EXTERNAL_FUNDING', 'CUSTODY'));
alter table ledger_account add constraint ledger_account_custody_of_addresses
    check (kind <> 'CUSTODY' or owner_id like 'custody:%');

-- 4. The service's role: adds addresses (never changes one); adds deposits and moves their state.
revoke all on deposit_address, deposit from "${app_role}";
grant select, insert on deposit_address, deposit to "${app_role}";
grant update (owner_id, token_contract, amount_micros, state, reason, block_number, block_hash, credited_at, changed_at)
    on deposit to "${app_role}";
