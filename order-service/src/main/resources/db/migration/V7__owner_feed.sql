-- The live streams' feed (ADR 0008): what each owner sees change (orders, trades, ads, fills), one row
-- per owner and change, written in the transaction that makes the change.
--
-- Order: txid is the writing transaction (pg_current_xact_id()), seq a per-row sequence. Neither alone is
-- commit order: a transaction with a smaller id can commit after one with a larger id. Readers therefore
-- deliver only rows of transactions that are certainly finished, txid < pg_snapshot_xmin(pg_current_snapshot()),
-- ordered by (txid, seq): no row can later appear before a position a reader has passed.
create table owner_feed (
    txid       xid8        not null default pg_current_xact_id(),
    seq        bigint      generated always as identity,
    owner_id   text        not null,
    type       text        not null check (type in ('order.status', 'trade.status', 'ad.status', 'fill')),
    payload    text        not null,
    created_at timestamptz not null default now(),
    primary key (txid, seq)
);
-- A stream reads one owner's rows after its position.
create index owner_feed_owner on owner_feed (owner_id, txid, seq);
