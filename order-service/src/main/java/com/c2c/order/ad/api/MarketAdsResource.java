package com.c2c.order.ad.api;

import com.c2c.order.ad.AdListing;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/markets/{market}/ads")
@Tag(name = "Ads", description = "Makers' standing quotes")
@Produces(MediaType.APPLICATION_JSON)
public class MarketAdsResource {
    private final AdListing listing;

    MarketAdsResource(AdListing listing) {
        this.listing = listing;
    }

    @GET
    @Operation(operationId = "listMarketAds", summary = "A market's ads a taker can choose", description = "Public. ACTIVE ads with something"
            + " left, best price for the taker first (SELL ads lowest first, BUY ads highest first), oldest first"
            + " among equal prices, by cursor. Pass `nextCursor` back as `cursor` (with the same filters) for the"
            + " next page: the ads after the last one shown in this order, whatever was posted or taken meanwhile.")
    @APIResponse(responseCode = "200", description = "A page of ads")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem names it): side, market,"
            + " paymentMethod, amount; or " + PageParams.REFUSED)
    public Uni<Page<ListedAdView>> list(
            @PathParam("market") @Parameter(example = "USDT-CNY") String market,
            @QueryParam("side") @Parameter(required = true, example = "SELL", description = "the ads' side: SELL or BUY") String side,
            @QueryParam("paymentMethod") @Parameter(example = "ALIPAY") String paymentMethod,
            @QueryParam("amount") @Parameter(example = "500.00", description = "fiat: only ads whose limits admit it"
                    + " and whose remaining covers it") String amount,
            @BeanParam PageParams page) {
        return listing.find(new AdListing.Query(market, side, paymentMethod, amount, page.after(AdListing.Position.class)))
                .map(ads -> ads.map(ListedAdView::of));
    }
}
