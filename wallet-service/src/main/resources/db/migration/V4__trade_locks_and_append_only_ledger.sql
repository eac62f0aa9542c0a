-- Money defence in depth (ADR 0011).

-- 1. Each trade's lock is its own record. A release or refund must match it (trade, seller, quantity,
--    and for a release the buyer) and moves it out of LOCKED exactly once, in the transaction of its posting.
create table trade_lock (
    trade_id        uuid        primary key,
    seller_id       text        not null,
    buyer_id        text        not null,
    asset           text        not null,
    quantity_micros bigint      not null check (quantity_micros > 0),
    state           text        not null default 'LOCKED' check (state in ('LOCKED', 'RELEASED', 'REFUNDED')),
    locked_at       timestamptz not null default now(),
    settled_at      timestamptz,
    constraint trade_lock_settled_when_not_locked check ((state = 'LOCKED') = (settled_at is null))
);

-- A lock changes only from LOCKED to RELEASED or REFUNDED, and nothing else of it ever changes.
create function trade_lock_settles_once() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'trade locks are never removed (% refused)', tg_op using errcode = 'insufficient_privilege';
    end if;
    if old.state <> 'LOCKED' or new.state = 'LOCKED'
            or (new.trade_id, new.seller_id, new.buyer_id, new.asset, new.quantity_micros, new.locked_at)
               is distinct from (old.trade_id, old.seller_id, old.buyer_id, old.asset, old.quantity_micros, old.locked_at) then
        raise exception 'trade lock % may only go from LOCKED to RELEASED or REFUNDED (% -> %)', old.trade_id, old.state, new.state
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger trade_lock_transition before update or delete on trade_lock
    for each row execute function trade_lock_settles_once();
create trigger trade_lock_no_truncate before truncate on trade_lock
    for each statement execute function trade_lock_settles_once();

-- Locks made before this table existed, from their recorded outcomes; settled as their postings say.
insert into trade_lock (trade_id, seller_id, buyer_id, asset, quantity_micros, state, locked_at, settled_at)
select t.trade_id, t.seller_id, t.buyer_id, 'USDT', t.quantity_micros,
       case when r.created_at is not null then 'RELEASED' when f.created_at is not null then 'REFUNDED' else 'LOCKED' end,
       t.locked_at, coalesce(r.created_at, f.created_at)
from (select (o.payload::jsonb ->> 'tradeId')::uuid as trade_id, o.payload::jsonb ->> 'sellerId' as seller_id,
             o.payload::jsonb ->> 'buyerId' as buyer_id, (o.payload::jsonb ->> 'quantityMicros')::bigint as quantity_micros,
             o.created_at as locked_at
      from wallet_command_outcome o
      where o.command_type = 'c2c.wallet.LockFunds.v1' and o.outcome_type = 'c2c.wallet.FundsLocked.v1') t
left join ledger_posting r on r.command_id = 'release:' || t.trade_id
left join ledger_posting f on f.command_id = 'refund:' || t.trade_id;

-- 2. What a command said, with its outcome: the same id with other content is not the same command.
--    Null for outcomes recorded before fingerprints (answered as before).
alter table wallet_command_outcome add column fingerprint text;

-- 3. The ledger is append-only for the service's role. Balances change only through the entries' own
--    trigger, which runs as the ledger's owner; accounts are locked through a function of the owner's.
alter function ledger_apply_entry() security definer set search_path = public, pg_temp;

create function ledger_lock_account(p_owner text, p_asset text, p_kind text) returns bigint
    language sql security definer set search_path = public, pg_temp as $$
    select balance from ledger_account where owner_id = p_owner and asset = p_asset and kind = p_kind for update
$$;
revoke all on function ledger_lock_account(text, text, text) from public;
grant execute on function ledger_lock_account(text, text, text) to "${app_role}";

-- Only the contra account of money from outside may go negative, whoever creates an account.
alter table ledger_account add constraint ledger_account_negative_only_external_funding
    check (not allow_negative or kind = 'EXTERNAL_FUNDING');

-- Postings, outcomes and credits are history too, like entries (V2), and none of them can be emptied.
create function ledger_history_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% rows are history: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger ledger_posting_no_update before update or delete on ledger_posting
    for each row execute function ledger_history_immutable();
create trigger wallet_command_outcome_no_update before update or delete on wallet_command_outcome
    for each row execute function ledger_history_immutable();
create trigger funding_credit_no_update before update or delete on funding_credit
    for each row execute function ledger_history_immutable();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_history_immutable();
create trigger ledger_posting_no_truncate before truncate on ledger_posting
    for each statement execute function ledger_history_immutable();
create trigger wallet_command_outcome_no_truncate before truncate on wallet_command_outcome
    for each statement execute function ledger_history_immutable();
create trigger funding_credit_no_truncate before truncate on funding_credit
    for each statement execute function ledger_history_immutable();
create trigger ledger_account_no_truncate before truncate on ledger_account
    for each statement execute function ledger_history_immutable();

-- The service's role: reads everything; adds postings, entries, outcomes, credits and locks; creates an
-- account (with a zero balance: no balance column); settles a lock (its state); nothing else.
revoke all on ledger_posting, ledger_entry, wallet_command_outcome, funding_credit, ledger_account, trade_lock
    from "${app_role}";
grant select, insert on ledger_posting, ledger_entry, wallet_command_outcome, funding_credit, trade_lock
    to "${app_role}";
grant select on ledger_account to "${app_role}";
grant insert (owner_id, asset, kind, allow_negative) on ledger_account to "${app_role}";
grant update (state, settled_at) on trade_lock to "${app_role}";
