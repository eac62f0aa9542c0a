package com.c2c.order.maker.api;

import java.util.List;

/** The answers to a bulk call, one per item in the order they were sent. */
public record ItemsView(List<ItemView> items) {
}
