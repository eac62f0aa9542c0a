-- An address may start being watched after the scanner already read blocks holding transfers to it (the wallet's
-- DepositAddressAssigned arrived late, an admin watched an address that was paid before). Such an address gets the
-- blocks it missed to read again: [backfill_from, backfill_to], both inclusive, set when it is added while the
-- chain's cursor is past its start (to = the cursor then, from = at most c2c.chain.chains.<name>.backfill-blocks
-- before it). The scanner reads them in ranges and moves backfill_from on in the transaction that records what a
-- range held; null once nothing is left.
alter table watched_address
    add column backfill_from bigint check (backfill_from >= 0),
    add column backfill_to   bigint,
    add check ((backfill_from is null) = (backfill_to is null)),
    add check (backfill_from <= backfill_to);
create index watched_address_backfill on watched_address (chain_id, backfill_from, address) where backfill_from is not null;
