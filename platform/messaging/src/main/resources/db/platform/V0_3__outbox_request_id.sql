-- The request (X-Request-Id) that caused an event, published as the CloudEvent extension "requestid".
alter table outbox_event add column request_id text;
