-- The running service logs in as a role of its own (${app_role}), not as the role that owns the database
-- and runs these migrations (ADR 0011): it may read and write rows, never change the schema, truncate
-- a table or touch the migration history. A table a later migration creates gets the same by default;
-- a migration whose table needs less (the wallet's ledger) revokes what it must not have.
-- Numbered 0_50 (not 0_5): shared migrations of parallel work take the low numbers; the order among them
-- does not matter, since the default privileges cover tables created after this one and the grant below
-- those created before it.
do $$
begin
    if '${app_role}' = current_user then
        raise exception 'the service must not run as the role that owns its database (%): give quarkus.datasource.username a role of its own', current_user;
    end if;
    if not exists (select 1 from pg_roles where rolname = '${app_role}') then
        raise exception 'the service''s role % does not exist (deploy/local/postgres.sh start creates it)', '${app_role}';
    end if;
    if exists (select 1 from pg_roles where rolname = '${app_role}' and (rolsuper or rolbypassrls or rolcreaterole)) then
        raise exception 'the service''s role % must not be a superuser, bypass row security or create roles', '${app_role}';
    end if;
end $$;

grant usage on schema public to "${app_role}";
grant select, insert, update, delete on all tables in schema public to "${app_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${app_role}";
revoke all on table "${flyway:table}" from "${app_role}";

-- What platform/messaging does with its tables: the relay stamps and deletes published outbox rows, the
-- inbox retention deletes old ids; audit entries are only ever added (their triggers refuse the rest anyway).
revoke update, delete on audit_entry from "${app_role}";
