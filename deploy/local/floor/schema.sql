-- The floor's database (deploy/local/floor.sh): the platform's outbox and inbox as platform/messaging creates
-- them (V0_1, V0_2, V0_3, V0_6: the notify trigger included), and a table shaped like escrow's trade row, which
-- every hop updates by its key.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    type         text        not null,
    subject      text,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    request_id   text
);
create index outbox_event_pending on outbox_event (id) where published_at is null;
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('c2c_outbox', '');
    return null;
end $$;
create trigger outbox_notify after insert on outbox_event for each statement execute function outbox_notify();

create table inbox_event (
    consumer    text        not null,
    event_id    text        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index inbox_event_received_at on inbox_event (received_at);

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
