package io.flashsale.web.product;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import io.flashsale.product.application.ProductCatalogService;
import io.flashsale.product.application.ProductView;
import io.flashsale.product.application.reservation.Requester;
import io.flashsale.product.application.reservation.StockReservationService;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.reservation.CustomerId;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.shared.domain.InvalidInputException;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.web.Roles;
import io.flashsale.web.auth.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ProductResource {

    @EJB
    ProductCatalogService catalog;

    @EJB
    StockReservationService reservations;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "the new product",
            headers = @Header(name = "Location", description = "the new product",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ProductResponse")))
    @Operation(operationId = "createProduct",
            summary = "Register a product with its stock (administrators)")
    public Response create(@NotNull @Valid CreateProductRequest request, @Context UriInfo uri) {
        ProductView created = catalog.register(request.name(), request.description(), request.price(),
                request.stock());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(ProductResponse.of(created)).build();
    }

    @GET
    @Operation(operationId = "listProducts", summary = "List products, a page at a time, by id",
            description = "By page number (`page`, with the catalogue's `total`), or after a product id (`after`, the"
                    + " `next_after` of the previous page: however deep, as cheap as the first page). Not both.")
    public ProductPageResponse list(
            @QueryParam("page") @Parameter(description = "0-based page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "products per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            String size,
            @QueryParam("after") @Parameter(description = "list the products with an id above this one",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")) String after) {
        int perPage = wholeNumber("size", size, 20);
        if (after == null) {
            return ProductPageResponse.of(catalog.page(wholeNumber("page", page, 0), perPage));
        }
        if (page != null) {
            throw new InvalidInputException("page and after cannot be combined");
        }
        return ProductPageResponse.of(catalog.pageAfter(productIdNumber(after), perPage));
    }

    private static long productIdNumber(String value) {
        try {
            long id = Long.parseLong(value);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("after must be a product id (a whole number, 0 or more)");
    }

    /** JAX-RS answers 404 for a query parameter that does not convert; this API answers 400, as for any bad input. */
    private static int wholeNumber(String name, String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number");
        }
    }

    @GET
    @Path("/{id}")
    @Counted(name = "product_reads_total", absolute = true, description = "Product detail reads")
    @Operation(operationId = "getProduct",
            summary = "One product")
    public ProductResponse get(@PathParam("id") long id) {
        return ProductResponse.of(catalog.find(productId(id)));
    }

    @GET
    @Path("/{id}/stock")
    @Operation(operationId = "getStock", summary = "A product's units in stock")
    public StockResponse stock(@PathParam("id") long id) {
        ProductView product = catalog.find(productId(id));
        return new StockResponse(product.id(), product.stock());
    }

    @POST
    @Path("/{id}/stock/reserve")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "the reservation (the same one again for a retried request)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ReservationResponse")))
    @Operation(operationId = "reserveStock", summary = "Hold units of a product for an order (idempotent on order_id)")
    public ReservationResponse reserve(@PathParam("id") long id, @QueryParam("strategy") String strategy,
                                       @NotNull @Valid ReserveStockRequest request,
                                       @Context SecurityContext security) {
        return ReservationResponse.of(reservations.reserve(productId(id), new ReservationId(request.orderId()),
                request.quantity(), reservations.strategy(strategy), requester(security), request.holdSeconds()));
    }

    @POST
    @Path("/{id}/stock/release")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "releaseStock", summary = "Give a reservation's units back")
    public ReleaseResponse release(@PathParam("id") long id, @NotNull @Valid ReleaseStockRequest request,
                                   @Context SecurityContext security) {
        return ReleaseResponse.of(reservations.release(productId(id), new ReservationId(request.orderId()),
                requester(security)));
    }

    /** The caller's own reservations; an administrator may release any customer's (never a sale's). */
    private static Requester requester(SecurityContext security) {
        return new Requester(new CustomerId(Caller.of(security).userId()), security.isUserInRole(Roles.ADMIN));
    }

    private static ProductId productId(long id) {
        if (id <= 0) {
            throw new NotFoundException("product", id);
        }
        return new ProductId(id);
    }
}
