package com.c2c.platform.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A position in a list, handed to clients as an opaque string. A position is a small record of the sort
 * keys of the list's last row on a page, in ORDER BY order ({@link TimeAndId}, or a list's own such as
 * price, time and id): each list says what its keyset is, and this one class writes it, reads it back and
 * refuses what it did not write, so every list refuses a bad cursor the same way.
 *
 * <p>Format 1 is base64url of {@code 1:<component>:<component>...}, each record component in declaration
 * order: an Instant as two parts (epoch seconds, nanos), a UUID and a long as text. A (time, id) cursor
 * handed out by the maker API before lists shared this class reads the same. A future format changes the
 * version, so a client holding an older cursor is told to start again instead of being misread.
 */
public final class Cursor {
    /** Longer than any position we write; a longer text is refused before anything is decoded. */
    public static final int MAX_LENGTH = 200;
    static final String REFUSAL = "is not a cursor this API gave out; start without one";
    private static final String VERSION = "1";
    private static final String SEPARATOR = ":";

    private Cursor() {
    }

    /** The opaque text for {@code position}, a record of Instant, UUID and long components. */
    public static String encode(Record position) {
        StringBuilder plain = new StringBuilder(VERSION);
        for (RecordComponent component : position.getClass().getRecordComponents()) {
            Object value = read(component, position);
            if (value instanceof Instant at) {
                plain.append(SEPARATOR).append(at.getEpochSecond()).append(SEPARATOR).append(at.getNano());
            } else if (value instanceof UUID || value instanceof Long) {
                plain.append(SEPARATOR).append(value);
            } else {
                throw new IllegalArgumentException(component + " of " + position.getClass() + " cannot be in a cursor");
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position of type {@code type} written in {@code text}; IllegalArgumentException (saying "start
     * without one") when the text is not one {@link #encode} wrote for that type.
     */
    public static <P extends Record> P decode(String text, Class<P> type) {
        try {
            if (text.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (!VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("another version");
            }
            RecordComponent[] components = type.getRecordComponents();
            List<Object> values = new ArrayList<>(components.length);
            int next = 1;
            for (RecordComponent component : components) {
                Class<?> kind = component.getType();
                if (kind == Instant.class) {
                    values.add(Instant.ofEpochSecond(Long.parseLong(parts[next]), Long.parseLong(parts[next + 1])));
                    next += 2;
                } else if (kind == UUID.class) {
                    values.add(UUID.fromString(parts[next++]));
                } else if (kind == long.class || kind == Long.class) {
                    values.add(Long.parseLong(parts[next++]));
                } else {
                    throw new IllegalStateException(component + " of " + type + " cannot be in a cursor");
                }
            }
            if (next != parts.length) {
                throw new IllegalArgumentException("another shape");
            }
            Constructor<P> canonical = type.getDeclaredConstructor(
                    List.of(components).stream().map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values.toArray());
        } catch (IllegalStateException e) {
            throw e; // a position type this class cannot carry: a programming error, not the client's
        } catch (RuntimeException | ReflectiveOperationException e) {
            // Whatever is wrong (not base64, another version or shape, a part that does not parse, a value
            // the position's constructor refuses), the client is told the same thing: start again.
            throw new IllegalArgumentException(REFUSAL);
        }
    }

    private static Object read(RecordComponent component, Record position) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(position);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of " + position.getClass(), e);
        }
    }
}
