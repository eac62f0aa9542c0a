-- The floor's database (deploy/local/floor.sh) after the platform's own outbox and inbox migrations
-- (platform/messaging: V0_1, V0_2, V0_3, V0_6, the notify trigger included), applied first from their files:
-- a table shaped like escrow's trade row, which every delivery updates by its key.
create table floor_trade (
    id                bigint      primary key,
    market            text        not null,
    taker_order_id    uuid        not null,
    maker_order_id    uuid        not null,
    buyer_id          text        not null,
    seller_id         text        not null,
    quantity_micros   bigint      not null,
    price_minor       bigint      not null,
    fiat_amount_minor bigint      not null,
    status            text        not null,
    deadline_at       timestamptz,
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
insert into floor_trade (id, market, taker_order_id, maker_order_id, buyer_id, seller_id, quantity_micros,
                         price_minor, fiat_amount_minor, status)
select n, 'USDT-SGD', gen_random_uuid(), gen_random_uuid(), 'buyer-' || n % 200, 'seller-' || n % 20, 10000000,
       135, 1350, 'OPENED'
from generate_series(1, 100000) n;
vacuum analyze floor_trade, outbox_event, inbox_event;
