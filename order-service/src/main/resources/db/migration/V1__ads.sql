-- Ads: a maker's standing quote. Amounts are integers: USDT in micro-units, fiat in minor units.
create table ad (
    id                     uuid        primary key,
    owner_id               text        not null,
    market                 text        not null,
    side                   text        not null check (side in ('BUY', 'SELL')),
    fiat                   char(3)     not null,
    price_minor            bigint      not null check (price_minor > 0),
    quantity_micros        bigint      not null check (quantity_micros > 0),
    min_order_minor        bigint      not null check (min_order_minor > 0),
    max_order_minor        bigint      not null check (max_order_minor >= min_order_minor),
    payment_methods        text        not null,
    payment_window_minutes int         not null check (payment_window_minutes between 5 and 180),
    status                 text        not null,
    created_at             timestamptz not null,
    version                bigint      not null default 0
);
create index ad_owner on ad (owner_id, created_at desc);
create index ad_market_status on ad (market, status);
