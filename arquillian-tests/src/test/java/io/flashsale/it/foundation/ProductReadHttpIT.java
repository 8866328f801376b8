package io.flashsale.it.foundation;

import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.Metrics;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Products read over HTTP as an API client reads them: from MySQL, in snake case, counted; unknown ones as 404 problems. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ProductReadHttpIT {

    final URL base = PlatformSession.serverUrl();

    @Test
    void productIsReadFromMysqlAsSnakeCaseJsonAndCounted() throws Exception {
        long id;
        try (Connection connection = Database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO product (name, description, price, stock, version, created_at)"
                             + " VALUES ('Kettle', 'steel', 19.95, 12, 1, NOW())", Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }

        double readsBefore = Metrics.value(new Http(base.toString()), "product_reads_total");
        Http.Reply reply = new Http(base.toString()).get("/api/v1/products/" + id);

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonObject product = reply.json();
        assertEquals(id, product.getJsonNumber("id").longValue());
        assertEquals("Kettle", product.getString("name"));
        assertEquals(new BigDecimal("19.95"), product.getJsonNumber("price").bigDecimalValue());
        assertEquals(12, product.getInt("stock"));
        assertEquals(Set.of("id", "name", "description", "price", "stock"), product.keySet());
        assertEquals(readsBefore + 1, Metrics.value(new Http(base.toString()), "product_reads_total"),
                "the read was counted once");

        JsonObject stock = new Http(base.toString()).get("/api/v1/products/" + id + "/stock").json();
        assertEquals(Set.of("product_id", "stock"), stock.keySet(), "multi-word names in snake case");
        assertEquals(id, stock.getJsonNumber("product_id").longValue());
    }

    @Test
    void unknownProductAndUnknownPathAreProblemJson404s() {
        for (String path : new String[] {"/api/v1/products/999999999", "/api/v1/products/0", "/api/v1/nothing-here"}) {
            Http.Reply reply = new Http(base.toString()).get(path);
            assertEquals(404, reply.status(), path);
            assertEquals("application/problem+json", reply.contentType(), path);
            JsonObject problem = reply.json();
            assertEquals(404, problem.getInt("status"));
            assertTrue(problem.getString("type").startsWith("/problems/"), problem.toString());
        }
    }
}
