-- What admins and arbiters did (credits, markets, reference prices, watched addresses, dispute
-- resolutions): one row per action, written in the action's own transaction, never changed.
create table audit_entry (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    actor      text not null,
    action     text not null,
    subject    text not null,
    detail     text,
    request_id text
);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
