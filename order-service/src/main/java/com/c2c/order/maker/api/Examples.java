package com.c2c.order.maker.api;

/** The maker API's OpenAPI examples, in one place. */
final class Examples {
    static final String PROBLEM = "application/problem+json";

    static final String UPSERT_REQUEST = """
            {"items":[
              {"clientAdId":"cny-sell-1","side":"SELL","fiat":"CNY","price":7.20,"quantity":1000,
               "minOrder":100,"maxOrder":5000,"paymentMethods":["ALIPAY"],"paymentWindowMinutes":15,
               "terms":"Alipay only"},
              {"clientAdId":"cny-sell-2","side":"SELL","fiat":"CNY","priceType":"FLOATING","marginPercent":0.50,
               "quantity":250.5,"minOrder":100,"maxOrder":2000,"paymentMethods":["BANK_TRANSFER"]}]}""";
    static final String ITEMS_RESPONSE = """
            {"items":[
              {"clientAdId":"cny-sell-1","result":"unchanged","ad":{"clientAdId":"cny-sell-1",
               "id":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10","market":"USDT-CNY","side":"SELL","fiat":"CNY",
               "priceType":"FIXED","price":7.20,"quantity":1000.000000,"remaining":700.000000,
               "traded":300.000000,"pendingRaise":0.000000,"minOrder":100.00,"maxOrder":5000.00,
               "paymentMethods":["ALIPAY"],"paymentWindowMinutes":15,"terms":"Alipay only","minCompletedTrades":0,
               "status":"ACTIVE","createdAt":"2025-01-01T12:00:00Z",
               "updatedAt":"2025-01-01T12:05:00Z"}},
              {"clientAdId":"cny-sell-2","result":"rejected","problem":{
               "type":"https://c2c.dev/problems/no-reference-price","title":"Conflict with the current state",
               "status":409,"detail":"there is no reference price for CNY yet, so a FLOATING ad cannot be priced"}}]}""";
    static final String CANCEL_REQUEST = """
            {"clientAdIds":["cny-sell-1","cny-sell-9"]}""";
    static final String CANCEL_RESPONSE = """
            {"items":[
              {"clientAdId":"cny-sell-1","result":"cancelled","ad":{"clientAdId":"cny-sell-1",
               "id":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10","market":"USDT-CNY","side":"SELL","status":"CANCELLED",
               "quantity":1000.000000,"remaining":0.000000,"traded":300.000000}},
              {"clientAdId":"cny-sell-9","result":"rejected","problem":{"type":"https://c2c.dev/problems/not-found",
               "title":"Not found","status":404,"detail":"ad cny-sell-9 was not found"}}]}""";
    static final String ADS_PAGE = """
            {"items":[{"clientAdId":"cny-sell-1","id":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10","market":"USDT-CNY",
              "side":"SELL","status":"ACTIVE","quantity":1000.000000,"remaining":700.000000,"traded":300.000000}],
             "nextCursor":"MToxNzM1NzMyODAwOjA6NWYwYzJhOGUtNGQxYi00YzhlLTlhNTctMmIxZjNlNmQ3YzEw","hasMore":false}""";
    static final String TRADES_PAGE = """
            {"items":[{"tradeId":"9b2d7c4e-0f1a-4b3c-8d5e-6f7a8b9c0d1e","adId":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10",
              "clientAdId":"cny-sell-1","market":"USDT-CNY","side":"SELL","status":"PAID","price":7.20,
              "quantity":300.000000,"fiatAmount":2160.00,"buyerId":"bob","sellerId":"maker-1",
              "paymentDeadline":"2025-01-01T12:20:00Z","createdAt":"2025-01-01T12:05:00Z",
              "updatedAt":"2025-01-01T12:09:00Z"}],
             "nextCursor":"MToxNzM1NzMzMTAwOjA6OWIyZDdjNGUtMGYxYS00YjNjLThkNWUtNmY3YThiOWMwZDFl","hasMore":true}""";
    static final String FILLS_PAGE = """
            {"items":[{"tradeId":"9b2d7c4e-0f1a-4b3c-8d5e-6f7a8b9c0d1e","adId":"5f0c2a8e-4d1b-4c8e-9a57-2b1f3e6d7c10",
              "clientAdId":"cny-sell-1","market":"USDT-CNY","side":"SELL","price":7.20,"quantity":300.000000,
              "fiatAmount":2160.00,"matchedAt":"2025-01-01T12:05:00Z"}],
             "nextCursor":"MToxNzM1NzMzMTAwOjA6OWIyZDdjNGUtMGYxYS00YjNjLThkNWUtNmY3YThiOWMwZDFl","hasMore":false}""";
    static final String POLICY_REQUEST = """
            {"intervalSeconds":30}""";
    static final String HEARTBEAT = """
            {"intervalSeconds":30,"lastHeartbeatAt":"2025-01-01T12:00:00Z","deadline":"2025-01-01T12:00:30Z",
             "pausedAds":0}""";

    static final String BAD_REQUEST = """
            {"type":"https://c2c.dev/problems/invalid-request","title":"The request is not valid","status":400,
             "detail":"items size must be between 1 and 100","errors":[{"field":"items",
             "message":"size must be between 1 and 100"}]}""";
    static final String BAD_CURSOR = """
            {"type":"https://c2c.dev/problems/invalid-request","title":"The request is not valid","status":400,
             "detail":"cursor is not a cursor this API gave out; start without one",
             "errors":[{"field":"cursor","message":"is not a cursor this API gave out; start without one"}]}""";
    static final String NOT_FOUND = """
            {"type":"https://c2c.dev/problems/not-found","title":"Not found","status":404,
             "detail":"a heartbeat policy was not found"}""";
    static final String NO_POLICY = """
            {"type":"https://c2c.dev/problems/no-heartbeat-policy","title":"Conflict with the current state",
             "status":409,"detail":"there is no heartbeat policy to keep alive; PUT /api/v1/maker/heartbeat-policy first"}""";

    static final String D400 = "The request is not valid: the problem names each bad field";

    private Examples() {
    }
}
