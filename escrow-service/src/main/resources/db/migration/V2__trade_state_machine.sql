-- The trade state machine: order ids from the book, the running deadline, the last transition (so a
-- retried action is recognised), the wallet's settlement and fee, and the dispute.
alter table trade rename column opened_at to created_at;
alter table trade
    add column taker_order_id    uuid,
    add column maker_order_id    uuid,
    add column reason            text,
    add column deadline_at       timestamptz,
    add column last_action       text,
    add column last_actor        text,
    add column fee_micros        bigint check (fee_micros >= 0),
    add column settled_at        timestamptz,
    add column dispute_opened_by text,
    add column dispute_reason    text check (char_length(dispute_reason) <= 500),
    add column dispute_evidence  text check (char_length(dispute_evidence) <= 4000),
    add column dispute_opened_at timestamptz,
    add column resolution        text check (resolution in ('RELEASE', 'REFUND')),
    add column resolution_note   text,
    add column resolved_by       text,
    add column resolved_at       timestamptz,
    add column updated_at        timestamptz;
update trade set updated_at = created_at;
alter table trade alter column updated_at set not null;
alter table trade add constraint trade_status_known check (status in
    ('OPENED', 'LOCKED', 'PAID', 'COMPLETED', 'CANCELLED', 'DISPUTED', 'RESOLVED_RELEASED', 'RESOLVED_REFUNDED'));
-- Only the two waiting steps are timed; the scan relies on it.
alter table trade add constraint trade_deadline_only_while_waiting
    check (deadline_at is null or status in ('LOCKED', 'PAID'));
alter table trade add constraint trade_fee_within_quantity check (fee_micros <= quantity_micros);

-- The deadline scan reads due trades in deadline order every second.
create index trade_due on trade (deadline_at) where deadline_at is not null;
-- Arbiters read open disputes oldest first.
create index trade_open_disputes on trade (dispute_opened_at) where status = 'DISPUTED';

-- Each ad's payment window, from the order service's AdPosted / AdAmended.
create table ad_payment_window (
    ad_id                  uuid        primary key,
    payment_window_minutes int         not null check (payment_window_minutes > 0),
    updated_at             timestamptz not null default now()
);
