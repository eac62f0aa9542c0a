-- Lists are paged by a keyset (the sort keys of the last row shown) instead of an offset. Each index holds its
-- list's whole sort key, the id included, so the page after a cursor is one index range read.

-- My trades, newest first: one index per role, merged by the query.
drop index trade_buyer;
create index trade_buyer on trade (buyer_id, created_at desc, id desc);
drop index trade_seller;
create index trade_seller on trade (seller_id, created_at desc, id desc);

-- Open disputes, the longest-waiting first.
drop index trade_open_disputes;
create index trade_open_disputes on trade (dispute_opened_at, id) where status = 'DISPUTED';
