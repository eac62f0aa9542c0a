package com.c2c.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Why Jackson could not read a JSON request body, as the field it names (its JSON path, such as
 * {@code side} or {@code paymentMethods[0]}; {@value #BODY} when the body as a whole is not JSON) and
 * what that field must be.
 */
record UnreadableBody(String field, String message) {
    static final String BODY = "body";
    private static final String WRONG_TYPE = "has a value of the wrong type or format";
    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Byte.class, byte.class, Short.class, short.class,
            Integer.class, int.class, Long.class, long.class, BigInteger.class);

    static UnreadableBody of(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return new UnreadableBody(BODY, "is not valid JSON" + where(e.getLocation()));
        }
        String field = jsonPath(mapping);
        if (e instanceof PropertyBindingException) {
            return new UnreadableBody(field, "is not a field of this request");
        }
        if (e instanceof RefusedValue refused) {
            return new UnreadableBody(field.isEmpty() ? BODY : field, refused.reason());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new UnreadableBody(field.isEmpty() ? BODY : field, mustBe(mismatch.getTargetType()));
        }
        return new UnreadableBody(field.isEmpty() ? BODY : field, WRONG_TYPE);
    }

    /** What a JSON value must look like to become a {@code type}, in the client's terms. */
    private static String mustBe(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO 8601 date or time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return WRONG_TYPE;
    }

    /** Jackson's reference path as a client writes it: {@code a.b[2].c}. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
