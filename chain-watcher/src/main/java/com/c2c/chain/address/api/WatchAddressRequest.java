package com.c2c.chain.address.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WatchAddressRequest(
        @NotBlank @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed 20-byte hex address")
        @Schema(example = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8") String address,
        @NotBlank @Size(max = 64) @Schema(example = "alice") String ownerId) {
}
