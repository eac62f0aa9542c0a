-- Taker orders: a trader's request to buy (or sell) against the book. Amounts are integers:
-- fiat in minor units (EXPRESS_FIAT) or USDT in micro-units (EXPRESS_QUANTITY).
create table taker_order (
    id              uuid        primary key,
    owner_id        text        not null,
    idempotency_key text        not null,
    market          text        not null,
    side            text        not null check (side in ('BUY', 'SELL')),
    mode            text        not null check (mode in ('EXPRESS_FIAT', 'EXPRESS_QUANTITY')),
    amount          bigint      not null check (amount > 0),
    payment_method  text        not null,
    status          text        not null,
    reject_reason   text,
    created_at      timestamptz not null,
    version         bigint      not null default 0,
    unique (owner_id, idempotency_key)
);
create index taker_order_owner on taker_order (owner_id, created_at desc);
