-- One delivery applied, as a service's consumer does it for one record (or as an API call that changes a trade):
-- the inbox row, the state change, the outbox row (or an owner-feed row, alike in size). floor.sh puts C2C_FLOOR_BATCH
-- of these (default 1) in one transaction (hop.sql), each on a trade of its own (:t).
INSERT INTO inbox_event (consumer, event_id, event_type) VALUES ('floor.hop', gen_random_uuid()::text, 'c2c.floor.Hop.v1') ON CONFLICT DO NOTHING;
UPDATE floor_trade SET status = 'LOCKED', deadline_at = now() + interval '15 minutes', version = version + 1, updated_at = now() WHERE id = :t;
INSERT INTO outbox_event (event_id, topic, record_key, type, subject, payload, request_id) VALUES (gen_random_uuid(), 'c2c.floor.events.v1', :t, 'c2c.floor.Hop.v1', :t, repeat('x', 600), 'floor');
