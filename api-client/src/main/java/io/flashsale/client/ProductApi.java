package io.flashsale.client;

import io.flashsale.client.model.NewProduct;
import io.flashsale.client.model.Product;
import io.flashsale.client.model.ProductPage;
import io.flashsale.client.model.Release;
import io.flashsale.client.model.Reservation;
import io.flashsale.client.model.Stock;
import io.flashsale.client.model.StockRelease;
import io.flashsale.client.model.StockReservation;
import io.flashsale.client.problem.ProblemExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The catalogue and its stock: products (administrators create them), reservations (customers). */
@RegisterRestClient(configKey = "flashsale")
@RegisterProvider(SnakeCaseJson.class)
@RegisterProvider(ProblemExceptionMapper.class)
@Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/products")
public interface ProductApi {

    @POST
    Product createProduct(NewProduct product);

    /** {@code page} (from 0) and {@code size} (1-100) may be null for the first page of 20. */
    @GET
    ProductPage listProducts(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    /**
     * The products after {@code after} (a product id; 0 for the first page), by id: walks the whole catalogue at the
     * cost of the first page each time, following {@link ProductPage#nextAfter()}.
     */
    @GET
    ProductPage listProductsAfter(@QueryParam("after") long after, @QueryParam("size") Integer size);

    @GET
    @Path("/{id}")
    Product getProduct(@PathParam("id") long productId);

    @GET
    @Path("/{id}/stock")
    Stock getStock(@PathParam("id") long productId);

    /** {@code strategy}: pessimistic, optimistic or redis-lock; null for the server's default. */
    @POST
    @Path("/{id}/stock/reserve")
    Reservation reserveStock(@PathParam("id") long productId, @QueryParam("strategy") String strategy,
                             StockReservation reservation);

    @POST
    @Path("/{id}/stock/release")
    Release releaseStock(@PathParam("id") long productId, StockRelease release);
}
