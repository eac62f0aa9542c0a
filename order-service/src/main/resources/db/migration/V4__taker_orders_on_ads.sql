-- Taker orders on a chosen ad, SELL orders (their USDT reserved before they reach the book), cancels.
alter table taker_order drop constraint taker_order_mode_check;
alter table taker_order add constraint taker_order_mode_check
    check (mode in ('EXPRESS_FIAT', 'EXPRESS_QUANTITY', 'AD_FIAT', 'AD_QUANTITY'));
alter table taker_order add column ad_id uuid;
alter table taker_order add constraint taker_order_ad_only_for_ad_modes
    check ((mode in ('AD_FIAT', 'AD_QUANTITY')) = (ad_id is not null));
-- USDT reserved in the wallet for a SELL order (micro-units); 0 for a BUY order.
alter table taker_order add column reserved_micros bigint not null default 0 check (reserved_micros >= 0);
alter table taker_order add column updated_at timestamptz;
update taker_order set updated_at = created_at;
alter table taker_order alter column updated_at set not null;
