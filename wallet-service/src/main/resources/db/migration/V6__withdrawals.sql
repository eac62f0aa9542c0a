-- Withdrawals (ADR 0014): a user's request to send USDT to an address of theirs, the hold it puts on their
-- funds, the admins' approvals of a large one and the addresses each user has confirmed.

-- 1. The hold: a withdrawal moves amount + fee from AVAILABLE to WITHDRAWING until it is sent (the hold goes to
--    the hot wallet's CUSTODY and FEES) or refused (it returns to AVAILABLE). A user kind: never negative
--    (ledger_account_not_negative, and only EXTERNAL_FUNDING may be created allowed to go negative).
--    WITHDRAWING is added to whatever kinds the check allows when this runs, so a kind added by another
--    migration (deposits, sweeps) is kept.
do $$
declare
    allowed text;
begin
    select pg_get_constraintdef(oid) into allowed from pg_constraint
        where conrelid = 'ledger_account'::regclass and conname = 'ledger_account_kind_check';
    if allowed is null or allowed not like '%ARRAY[%' then
        raise exception 'ledger_account_kind_check is not the list of kinds V2 made: %', allowed;
    end if;
    if allowed not like '%''WITHDRAWING''%' then
        execute 'alter table ledger_account drop constraint ledger_account_kind_check';
        execute 'alter table ledger_account add constraint ledger_account_kind_check '
            || replace(allowed, 'ARRAY[', 'ARRAY[''WITHDRAWING''::text, ');
    end if;
end $$;

-- 2. One row per withdrawal. Its id is derived from (owner, Idempotency-Key), so a retried request finds it;
--    what it sends (who, where, how much) never changes once requested, and a finished one never changes.
create table withdrawal (
    id                 uuid        primary key,
    owner_id           text        not null,
    idempotency_key    text        not null,
    chain_id           bigint      not null check (chain_id > 0),
    to_address         text        not null check (to_address ~ '^0x[0-9a-f]{40}$'),
    asset              text        not null check (asset = 'USDT'),
    amount_micros      bigint      not null check (amount_micros > 0),
    fee_micros         bigint      not null check (fee_micros >= 0),
    state              text        not null check (state in ('AWAITING_USER_CONFIRMATION', 'COOLING_DOWN',
                           'AWAITING_APPROVAL', 'APPROVED', 'SIGNED', 'BROADCAST', 'CONFIRMED', 'CANCELLED',
                           'REJECTED', 'FAILED')),
    approvals_required integer     not null check (approvals_required in (0, 2)),
    reason             text,
    cooldown_until     timestamptz,
    tx_hash            text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (owner_id, idempotency_key),
    constraint withdrawal_cooling_down_until check (state <> 'COOLING_DOWN' or cooldown_until is not null),
    constraint withdrawal_refusal_has_reason check (state not in ('REJECTED', 'FAILED') or reason is not null),
    constraint withdrawal_sent_has_tx check (state not in ('SIGNED', 'BROADCAST', 'CONFIRMED') or tx_hash is not null)
);
create index withdrawal_owner on withdrawal (owner_id, created_at desc, id desc);
create index withdrawal_state on withdrawal (state, created_at, id);
create index withdrawal_daily on withdrawal (owner_id, chain_id, created_at);
create index withdrawal_cooling_down on withdrawal (cooldown_until) where state = 'COOLING_DOWN';

create function withdrawal_terms_fixed() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'withdrawals are never removed (% refused)', tg_op using errcode = 'insufficient_privilege';
    end if;
    if (new.id, new.owner_id, new.idempotency_key, new.chain_id, new.to_address, new.asset, new.amount_micros,
            new.fee_micros, new.approvals_required, new.created_at)
       is distinct from (old.id, old.owner_id, old.idempotency_key, old.chain_id, old.to_address, old.asset,
            old.amount_micros, old.fee_micros, old.approvals_required, old.created_at) then
        raise exception 'withdrawal % may not change what it sends', old.id using errcode = 'check_violation';
    end if;
    if old.state in ('CONFIRMED', 'CANCELLED', 'REJECTED', 'FAILED') and new is distinct from old then
        raise exception 'withdrawal % is % and final', old.id, old.state using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger withdrawal_transition before update or delete on withdrawal
    for each row execute function withdrawal_terms_fixed();
create trigger withdrawal_no_truncate before truncate on withdrawal
    for each statement execute function withdrawal_terms_fixed();

-- 3. Each admin's approval, once per withdrawal; an approval is never taken back.
create table withdrawal_approval (
    withdrawal_id uuid        not null references withdrawal (id),
    admin_id      text        not null,
    approved_at   timestamptz not null,
    primary key (withdrawal_id, admin_id)
);

-- 4. The addresses a user has confirmed with a second factor, per chain: a withdrawal elsewhere is to a new
--    address and waits for the user's confirmation and a cool-down.
create table withdrawal_address (
    owner_id           text        not null,
    chain_id           bigint      not null check (chain_id > 0),
    address            text        not null check (address ~ '^0x[0-9a-f]{40}$'),
    first_confirmed_at timestamptz not null,
    primary key (owner_id, chain_id, address)
);

-- The service's role: withdrawals are updated (their state), never deleted; approvals and confirmed addresses
-- are only added.
revoke all on withdrawal, withdrawal_approval, withdrawal_address from "${app_role}";
grant select, insert, update on withdrawal to "${app_role}";
grant select, insert on withdrawal_approval, withdrawal_address to "${app_role}";
