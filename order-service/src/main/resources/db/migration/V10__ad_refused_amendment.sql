-- A price change the book refuses (issue #10): the book keeps the ad at the price it had, so the ad goes
-- back to it. book_price_minor is the price of the last listing or amendment sent to the book;
-- price_before_amendment_minor what book_price_minor was before the last amendment sent (the price the book
-- holds if it refuses that one). Ads listed before have both set to their current price.
alter table ad add column book_price_minor bigint check (book_price_minor > 0);
alter table ad add column price_before_amendment_minor bigint check (price_before_amendment_minor > 0);
update ad set book_price_minor = price_minor, price_before_amendment_minor = price_minor;
-- The book's reason for refusing the last price change (the price went back), else null; shown to the owner.
alter table ad add column price_rejection text;
