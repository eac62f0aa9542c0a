-- Inbox ids are deleted once older than the retention (InboxRetention); this keeps that a range scan.
create index inbox_event_received_at on inbox_event (received_at);
