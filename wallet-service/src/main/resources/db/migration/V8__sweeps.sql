-- Sweeps (ADR 0014): the signer also sends a deposit address's credited tokens to the hot wallet (SWEEP, signed
-- with that address's key, derived from the deposit account's key), and first, when the address has too little
-- native coin to pay for that, sends it gas from the hot wallet (GAS, a plain native-coin transfer).

alter table outgoing_transfer
    add column purpose        text not null default 'WITHDRAWAL' check (purpose in ('WITHDRAWAL', 'SWEEP', 'GAS')),
    -- a SWEEP's deposit address and its BIP-44 index (m/44'/60'/a'/0/index); null: sent from the hot wallet
    add column source_address text check (source_address ~ '^0x[0-9a-f]{40}$'),
    add column source_index   integer check (source_index >= 0),
    -- a GAS transfer's amount in wei (native coin); its amount_micros is 0, it moves no USDT
    add column amount_wei     numeric(78, 0) check (amount_wei > 0);

alter table outgoing_transfer drop constraint outgoing_transfer_amount_micros_check;
alter table outgoing_transfer
    add constraint outgoing_transfer_amount check (case when purpose = 'GAS'
        then amount_micros = 0 and amount_wei is not null else amount_micros > 0 and amount_wei is null end),
    add constraint outgoing_transfer_sweep_source check ((purpose = 'SWEEP')
        = (source_address is not null and source_index is not null));

-- At most one sweep and one gas top-up on their way per deposit address: a second would spend gas to move
-- nothing (the first took the tokens) or top up twice.
create unique index outgoing_transfer_one_open_sweep on outgoing_transfer (chain_id, source_address)
    where purpose = 'SWEEP' and state in ('QUEUED', 'SIGNED', 'BROADCAST');
create unique index outgoing_transfer_one_open_gas on outgoing_transfer (chain_id, to_address)
    where purpose = 'GAS' and state in ('QUEUED', 'SIGNED', 'BROADCAST');

-- What a transfer says never changes: now including what it is for and where it is sent from.
create or replace function outgoing_transfer_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'outgoing transfers are never removed (% refused)', tg_op using errcode = 'insufficient_privilege';
    end if;
    if (new.id, new.chain_id, new.to_address, new.amount_micros, new.created_at, new.purpose, new.source_address,
            new.source_index, new.amount_wei)
            is distinct from (old.id, old.chain_id, old.to_address, old.amount_micros, old.created_at, old.purpose,
            old.source_address, old.source_index, old.amount_wei)
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

-- hot_wallet_nonce now counts the nonces of every address the signer sends from (the hot wallet and the deposit
-- addresses it sweeps); its name is kept.
comment on table hot_wallet_nonce is 'the next nonce of each address the signer sends from, per chain';
