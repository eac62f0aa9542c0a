-- Ads: idempotent posting, floating prices, terms, and the bookkeeping that keeps the reserved USDT
-- exact while the ad is listed, paused and cancelled (see AdBookkeeping).

-- A reference price per fiat, set by an admin; FLOATING ads are priced from it.
create table reference_price (
    fiat        char(3)     primary key,
    price_minor bigint      not null check (price_minor > 0),
    updated_at  timestamptz not null,
    updated_by  text        not null
);

alter table ad add column idempotency_key text;
alter table ad add column price_type text not null default 'FIXED' check (price_type in ('FIXED', 'FLOATING'));
-- Margin over the reference price in hundredths of a percent (150 = +1.50 %); only for FLOATING ads.
alter table ad add column margin_bps int check (margin_bps between -2000 and 2000);
alter table ad add constraint ad_margin_only_when_floating
    check ((price_type = 'FLOATING') = (margin_bps is not null));
alter table ad add column terms text check (length(terms) <= 1000);
alter table ad add column min_completed_trades int not null default 0 check (min_completed_trades >= 0);
-- What is on the book or held for the ad (its reserved USDT for a SELL ad), in micro-units.
alter table ad add column remaining_micros bigint not null default 0 check (remaining_micros >= 0);
-- OFF, LISTED (AdListed sent), WITHDRAWING (AdWithdrawn sent, the book's BookQuantityCancelled not seen yet).
alter table ad add column book_presence text not null default 'OFF'
    check (book_presence in ('OFF', 'LISTED', 'WITHDRAWING'));
-- Quantity of cancelled trades kept for the ad while its withdrawal was unconfirmed (not in the book's count).
alter table ad add column held_off_book_micros bigint not null default 0 check (held_off_book_micros >= 0);
-- The payment window escrow last heard of (AdPosted / AdAmended).
alter table ad add column announced_window_minutes int;
-- Bit per PaymentMethod ordinal, for the public listing's filter.
alter table ad add column payment_method_mask bigint not null default 0;
alter table ad add column updated_at timestamptz;

update ad set remaining_micros = case when status in ('CANCELLED', 'REJECTED') then 0 else quantity_micros end,
              book_presence = case when status = 'ACTIVE' then 'LISTED' else 'OFF' end,
              announced_window_minutes = payment_window_minutes,
              updated_at = created_at,
              payment_method_mask = (
                  select coalesce(sum(1::bigint << (array_position(array['BANK_TRANSFER', 'SEPA', 'ALIPAY',
                          'WECHAT_PAY', 'PIX', 'UPI', 'REVOLUT', 'WISE'], m) - 1)), 0)
                  from unnest(string_to_array(payment_methods, ',')) m);
alter table ad alter column announced_window_minutes set not null;
alter table ad alter column updated_at set not null;

-- One ad per owner and Idempotency-Key (ads posted before keys existed have none).
create unique index ad_owner_idempotency_key on ad (owner_id, idempotency_key);
-- The public listing: a market's ads on one side by price, then age.
create index ad_listing on ad (market, side, price_minor, created_at)
    where status = 'ACTIVE' and book_presence = 'LISTED' and remaining_micros > 0;
-- Re-pricing when a reference price moves.
create index ad_floating on ad (fiat) where price_type = 'FLOATING' and status in ('PENDING_FUNDING', 'ACTIVE', 'PAUSED');
