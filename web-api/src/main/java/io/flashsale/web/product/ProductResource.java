package io.flashsale.web.product;

import io.flashsale.product.application.ProductCatalogService;
import io.flashsale.product.application.ProductView;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.metrics.annotation.Counted;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ProductResource {

    @EJB
    ProductCatalogService catalog;

    @GET
    @Path("/{id}")
    @Counted(name = "product_reads_total", absolute = true, description = "Product detail reads")
    public ProductView get(@PathParam("id") long id) {
        if (id <= 0) {
            throw new NotFoundException("product", id);
        }
        return catalog.find(new ProductId(id));
    }
}
