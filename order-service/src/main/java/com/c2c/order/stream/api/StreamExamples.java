package com.c2c.order.stream.api;

/** The live streams' OpenAPI descriptions and examples, in one place. */
final class StreamExamples {
    static final String PROBLEM = "application/problem+json";

    static final String EVENTS = """
            Server-Sent Events (`text/event-stream`). Each event has an `id:` (pass the last one back as the \
            `Last-Event-ID` header to resume), an `event:` naming its type and one `data:` line of JSON:

            | event | sent when | data |
            |---|---|---|
            | `order.status` | one of my taker orders changes status | orderId, market, side, status, rejectReason, at |
            | `trade.status` | a trade I am buyer or seller of changes status | tradeId, market, takerOrderId, adId, buyerId, sellerId, status, quantity, fiatAmount, paymentDeadline, at |
            | `ad.status` | (maker stream) one of my ads changes status | adId, clientAdId, market, side, status, statusReason, at |
            | `fill` | (maker stream) the book matched part of one of my ads | tradeId, adId, market, price, quantity, fiatAmount, matchedAt |
            | `stream.end` | my token expired: the server closes the stream (no id) | reason, detail |

            Events come in commit order, each once; a comment line (`: heartbeat`) every 15 s keeps proxies \
            from closing a quiet stream. Without an event id the stream starts from now: read the current state \
            through the REST API after connecting. Browsers use a fetch-based SSE client that sends the \
            `Authorization` header (EventSource cannot); never put a token in the URL.""";

    static final String STREAM = """
            : heartbeat

            id: 7421-1093
            event: order.status
            data: {"orderId":"3c1e2f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6","market":"USDT-CNY","side":"BUY","status":"MATCHED","rejectReason":null,"at":"2025-01-01T12:05:00Z"}

            id: 7421-1094
            event: trade.status
            data: {"tradeId":"9b2d7c4e-0f1a-4b3c-8d5e-6f7a8b9c0d1e","market":"USDT-CNY","takerOrderId":"3c1e2f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6","adId":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10","buyerId":"bob","sellerId":"maker-1","status":"OPENED","quantity":100.000000,"fiatAmount":720.00,"paymentDeadline":null,"at":"2025-01-01T12:05:00Z"}

            """;

    static final String MAKER_STREAM = """
            id: 7433-1120
            event: fill
            data: {"tradeId":"9b2d7c4e-0f1a-4b3c-8d5e-6f7a8b9c0d1e","adId":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10","market":"USDT-CNY","price":7.20,"quantity":300.000000,"fiatAmount":2160.00,"matchedAt":"2025-01-01T12:05:00Z"}

            id: 7440-1131
            event: ad.status
            data: {"adId":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10","clientAdId":"cny-sell-1","market":"USDT-CNY","side":"SELL","status":"PAUSED","statusReason":"HEARTBEAT_MISSED","at":"2025-01-01T12:06:00Z"}

            """;

    static final String GONE = """
            {"type":"https://c2c.dev/problems/stream-resume-expired","title":"Gone","status":410,
             "detail":"the stream cannot resume from that event id: it is not one of your events still kept (events are kept for a limited time). Re-read your orders, trades and ads through the REST API, then reconnect without an event id"}""";
    static final String TOO_MANY = """
            {"type":"https://c2c.dev/problems/too-many-streams","title":"Too many requests","status":429,
             "detail":"at most 5 streams may be open at once for one account; close one (or let it end) and retry"}""";
    static final String UNAUTHENTICATED = """
            {"type":"https://c2c.dev/problems/unauthenticated","title":"Authentication required","status":401,
             "detail":"a valid bearer token is required"}""";
    static final String FORBIDDEN = """
            {"type":"https://c2c.dev/problems/forbidden","title":"Forbidden","status":403,
             "detail":"this needs the merchant role"}""";

    private StreamExamples() {
    }
}
