-- Every list is paged by a keyset (the sort keys of the last row shown) instead of an offset. Each index
-- below holds a list's whole sort key, the id included, so the page after a cursor is one index range read
-- from where the cursor points, however deep the client has paged.

-- My ads (newest first) and the maker API's ads (oldest first: the same index read backwards).
drop index ad_owner;
create index ad_owner on ad (owner_id, created_at desc, id desc);

-- My orders, newest first.
drop index taker_order_owner;
create index taker_order_owner on taker_order (owner_id, created_at desc, id desc);

-- The public listing, one index per side: SELL ads from the lowest price up, BUY ads from the highest price
-- down (as the negated price, so that all of a BUY key ascends and one row comparison pages it), then age, id.
drop index ad_listing;
create index ad_listing_sell on ad (market, price_minor, created_at, id)
    where side = 'SELL' and status = 'ACTIVE' and book_presence = 'LISTED' and remaining_micros > 0;
create index ad_listing_buy on ad (market, (-price_minor), created_at, id)
    where side = 'BUY' and status = 'ACTIVE' and book_presence = 'LISTED' and remaining_micros > 0;
