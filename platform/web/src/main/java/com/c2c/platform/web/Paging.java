package com.c2c.platform.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code ?page} and {@code ?size} of a list endpoint, taken as a {@code @BeanParam} and read as text
 * so that a value that is no int at all ({@code page=1e9}, {@code page=99999999999}) is the same 400
 * naming it as one out of bounds, rather than JAX-RS's 404 for an unconvertible query parameter.
 */
public class Paging {
    @QueryParam("page")
    @Parameter(description = "which page, counting from 0; at most " + PageRequest.MAX_PAGE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "" + PageRequest.MAX_PAGE,
                    defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "entries per page, from 1 to the endpoint's largest size (its description says"
            + " which, and the default)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    String size;

    /** The page asked for, with this endpoint's sizes; a 400 naming page or size when it is out of bounds. */
    public PageRequest within(int defaultSize, int maxSize) {
        return PageRequest.of(page, size, defaultSize, maxSize);
    }
}
