-- One round of an outbox relay: read what is pending, then (once the broker acknowledged it) stamp it published.
-- The platform's relay runs on one leader; here every pgbench connection runs rounds, so a round stamps the pending
-- rows no other round holds (SKIP LOCKED) instead of waiting for, or deadlocking with, another round.
SELECT id, event_id, topic, record_key, type, subject, payload, created_at, request_id FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT 100;
UPDATE outbox_event SET published_at = now() WHERE id IN (SELECT id FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED);
