package org.edm.search.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many rows one page of a listing holds ({@code limit} of {@code /api/search},
 * {@code /api/documents}, {@code /api/families} and the comparisons), prefix
 * {@code edm.search}.
 *
 * @param defaultLimit rows per page when the request gives no {@code limit}
 * @param maxLimit largest accepted {@code limit}
 */
@ConfigurationProperties("edm.search")
@Validated
public record PageLimits(@DefaultValue("20") @Min(1) int defaultLimit,
        @DefaultValue("100") @Min(1) @Max(1000) int maxLimit) {

    /** The defaults, for code that runs without a Spring context. */
    public static PageLimits defaults() {
        return new PageLimits(20, 100);
    }

    /**
     * The rows of a page: the requested {@code limit}, or the default.
     * @throws InvalidParameter when the requested limit is below 1 or above
     * {@link #maxLimit()}
     */
    public int rows(@Nullable Integer requested) {
        int rows = requested == null ? defaultLimit : requested;
        if (rows < 1 || rows > maxLimit) {
            throw new InvalidParameter("limit", "limit must be between 1 and " + maxLimit + ".");
        }
        return rows;
    }
}
