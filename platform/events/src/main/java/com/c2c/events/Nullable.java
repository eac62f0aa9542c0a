package com.c2c.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event field that may be absent. Every other field of an event record is required: a consumer reads
 * a record missing one as one that can never be applied (and dead-letters it) rather than failing later
 * on a null deep inside its handler.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Nullable {
}
