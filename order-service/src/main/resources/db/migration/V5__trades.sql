-- The trades of this service's orders and ads as the book and escrow report them. A row can be created
-- by an escrow event that arrives before TradeMatched; the status only ever moves forward.
create table order_trade (
    trade_id          uuid        primary key,
    market            text        not null,
    taker_order_id    uuid        not null,
    maker_order_id    uuid        not null,
    buyer_id          text        not null,
    seller_id         text        not null,
    status            text        not null,
    price_minor       bigint      check (price_minor > 0),
    quantity_micros   bigint      not null check (quantity_micros > 0),
    fiat_amount_minor bigint      not null check (fiat_amount_minor >= 0),
    payment_deadline  timestamptz,
    -- TradeMatched applied (the ad's remaining reduced, the taker order matched).
    matched           boolean     not null default false,
    -- TradeCompleted or TradeCancelled applied (counted, or its quantity returned or released).
    ended             boolean     not null default false,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index order_trade_taker_order on order_trade (taker_order_id);

-- Completed trades per user, both parties counted once per trade; sent with each OrderPlaced.
create table trader_stats (
    user_id          text   primary key,
    completed_trades bigint not null check (completed_trades >= 0)
);
