package com.c2c.platform.messaging.inbox;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The CloudEvent envelope of a consumed Kafka record, with its JSON data still as text. */
public record ReceivedEvent(String id, String type, String source, String subject, String data) {

    /** Reads the envelope; a record without CloudEvent headers is not ours and is refused. */
    public static ReceivedEvent of(Message<String> message) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("record has no CloudEvent headers"));
        return new ReceivedEvent(ce.getId(), ce.getType(), String.valueOf(ce.getSource()),
                ce.getSubject().orElse(null), message.getPayload());
    }
}
