-- The maker API: ads named by the maker's own id, a total quantity the maker may raise or lower, the
-- reason of an ad's last status change, fills by the time they were matched, and the dead-man's switch.

-- The maker's own name for the ad, unique per owner (ads posted through /api/v1/ads have none).
alter table ad add column client_ad_id text check (client_ad_id ~ '^[A-Za-z0-9._-]{1,64}$');
create unique index ad_owner_client_ad_id on ad (owner_id, client_ad_id);
-- Why the ad reached its status when not by its owner's hand (FUNDS_REJECTED, HEARTBEAT_MISSED), else null.
alter table ad add column status_reason text;
-- quantity_micros is now the ad's total as its owner last set it; what traded counts against it.
-- A raise of a SELL ad's total waits for the wallet's reservation (ReserveFunds); until it answers the
-- raise is counted here and not in remaining_micros.
alter table ad add column pending_top_up_micros bigint not null default 0 check (pending_top_up_micros >= 0);
-- How many times the total changed: names each change's wallet command, so each is applied once.
alter table ad add column quantity_changes int not null default 0 check (quantity_changes >= 0);
-- The wallet's reason when it refused the last raise (the total went back), else null.
alter table ad add column top_up_rejection text;
alter table ad add constraint ad_top_up_only_when_open
    check (pending_top_up_micros = 0 or status in ('ACTIVE', 'PAUSED', 'CANCELLED'));

-- The trades of an ad (what it traded, its owner's trade history) and when the book matched each.
create index order_trade_maker_order on order_trade (maker_order_id, created_at, trade_id);
alter table order_trade add column matched_at timestamptz;
update order_trade set matched_at = created_at where matched;
alter table order_trade add constraint order_trade_matched_at check (matched = (matched_at is not null));
create index order_trade_matched_at on order_trade (maker_order_id, matched_at, trade_id) where matched;

-- The dead-man's switch: a maker who opted in and sends no heartbeat until deadline_at has its ACTIVE
-- ads paused. deadline_at is null once the switch tripped, until the next heartbeat.
create table maker_heartbeat (
    owner_id          text        primary key,
    interval_seconds  int         not null check (interval_seconds between 5 and 3600),
    deadline_at       timestamptz,
    last_heartbeat_at timestamptz,
    tripped_at        timestamptz,
    paused_ads        int         not null default 0 check (paused_ads >= 0),
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index maker_heartbeat_due on maker_heartbeat (deadline_at) where deadline_at is not null;
