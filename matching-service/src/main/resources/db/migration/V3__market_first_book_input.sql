-- Where in the input log the engine first ran a market's book (the input that created it). A rebuild
-- replays the log against the market registry as it is now, so without this an input that was refused
-- MARKET_NOT_OPEN (the market opened later) would be accepted on replay, silently, and the rebuilt
-- books would hold what the rest of the platform was told was refused. Inputs before this offset are
-- refused again; all of a market's inputs share one partition (the market is the record key).
alter table market
    add column book_partition int,
    add column book_offset    bigint;
