-- One round of an outbox relay: read what is pending, then (once the broker acknowledged it) stamp it published.
SELECT id, event_id, topic, record_key, type, subject, payload, created_at, request_id FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT 100;
UPDATE outbox_event SET published_at = now() WHERE id IN (SELECT id FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT 100);
