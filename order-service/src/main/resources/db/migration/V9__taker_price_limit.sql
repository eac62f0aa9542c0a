-- Taker price protection (issue 10, item 6): the worst price the book may fill an order at, in fiat minor
-- units per USDT (a BUY's most, a SELL's least), and where it came from. Orders placed before have none.
alter table taker_order add column price_limit_minor bigint check (price_limit_minor > 0);
alter table taker_order add column price_limit_source text
    check (price_limit_source in ('EXPLICIT', 'REFERENCE', 'CHOSEN_AD'));
alter table taker_order add constraint taker_order_price_limit_has_source
    check ((price_limit_minor is null) = (price_limit_source is null));
