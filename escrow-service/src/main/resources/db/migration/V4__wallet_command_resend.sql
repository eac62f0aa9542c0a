-- A trade that waits for the wallet (its lock, or the settlement of a decided release or refund) is
-- never left waiting for good: when no answer came in time the same command is sent again (the wallet
-- answers a repeated command from its recorded outcome), with growing pauses.
alter table trade
    add column wallet_resends   integer not null default 0 check (wallet_resends >= 0),
    add column wallet_resend_at timestamptz,
    -- the wallet refused the settlement: the ledger and the trade disagree, a person decides (no resends)
    add column wallet_refused_at timestamptz;
-- The scan's rows: OPENED trades and decided trades whose movement is not settled yet.
create index trade_waiting_for_wallet on trade (updated_at)
    where status = 'OPENED'
       or (settled_at is null and last_action in ('CANCEL', 'CONFIRM', 'RELEASE', 'REFUND', 'EXPIRE_PAYMENT'));
