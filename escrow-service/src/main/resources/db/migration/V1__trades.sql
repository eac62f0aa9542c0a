-- Trades held in escrow. USDT in micro-units, fiat in minor units.
create table trade (
    id                uuid        primary key,
    market            text        not null,
    buyer_id          text        not null,
    seller_id         text        not null check (seller_id <> buyer_id),
    quantity_micros   bigint      not null check (quantity_micros > 0),
    price_minor       bigint      not null check (price_minor > 0),
    fiat_amount_minor bigint      not null check (fiat_amount_minor > 0),
    status            text        not null,
    opened_at         timestamptz not null,
    version           bigint      not null default 0
);
create index trade_buyer on trade (buyer_id, opened_at desc);
create index trade_seller on trade (seller_id, opened_at desc);
