package com.c2c.platform.web;

import jakarta.ws.rs.QueryParam;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code ?cursor} and {@code ?limit} of every list endpoint, taken as a {@code @BeanParam}. Both are
 * read as text, so that a limit that is no int at all ({@code limit=1e9}) is the same 400 naming it as one
 * out of bounds rather than JAX-RS's 404 for an unconvertible parameter, and a cursor this API did not write
 * is a 400 naming {@code cursor}.
 */
public class PageParams {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 50;
    /** How every list documents its 400 for these parameters. */
    public static final String REFUSED = "cursor is not one this API gave out, or limit is not a whole number from 1 to "
            + MAX_LIMIT + " (the problem names which)";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page, as it was given; none for the first page. Opaque:"
            + " the page holds the rows strictly after the position it stands for.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH))
    String cursor;

    @QueryParam("limit")
    @Parameter(description = "the most rows to answer, from 1 to " + MAX_LIMIT + "; " + DEFAULT_LIMIT + " when left out",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT,
                    defaultValue = "" + DEFAULT_LIMIT))
    String limit;

    public PageParams() {
    }

    /** For callers that take the parameters some other way (and tests). */
    public PageParams(String cursor, String limit) {
        this.cursor = cursor;
        this.limit = limit;
    }

    /**
     * What the client asked for, with the cursor read as a position of {@code type} (the list's keyset);
     * a 400 naming {@code cursor} or {@code limit} when either is not acceptable.
     */
    public <P extends Record> PageAfter<P> after(Class<P> type) {
        int rows = limit();
        P position = cursor == null || cursor.isBlank() ? null
                : ProblemException.field("cursor", () -> Cursor.decode(cursor.strip(), type));
        return new PageAfter<>(position, rows);
    }

    private int limit() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String digits = limit.strip();
        if (!WHOLE_NUMBER.matcher(digits).matches()) {
            throw ProblemException.invalidField("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        // More than 4 digits is out of bounds whatever they are (and would not fit a long past 19).
        long value = digits.length() > 5 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return (int) value;
    }
}
