package io.flashsale.it.contract;

import io.flashsale.client.FlashSaleClients;
import io.flashsale.client.ProductApi;
import io.flashsale.client.TokenApi;
import io.flashsale.client.UserApi;
import io.flashsale.client.model.Credentials;
import io.flashsale.client.model.ProductPage;
import io.flashsale.client.problem.ResourceNotFoundException;
import io.flashsale.client.problem.UnauthenticatedException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside Payara, as a MicroProfile application uses the typed client: injected with {@code @RestClient}, the
 * platform's address from {@code flashsale/mp-rest/url}, errors as the typed exceptions.
 */
@ExtendWith(ArquillianExtension.class)
class InjectedClientIT {

    @Inject
    @RestClient
    ProductApi catalogue;

    @Inject
    @RestClient
    TokenApi tokens;

    @Inject
    @ConfigProperty(name = "flashsale/mp-rest/url")
    String platform;

    @Test
    void anInjectedClientReadsTheCatalogueAndGetsTypedRefusals() {
        ProductPage page = catalogue.listProducts(0, 1);
        assertEquals(1, page.size());
        assertTrue(page.total() >= page.items().size());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> catalogue.getProduct(Long.MAX_VALUE));
        assertEquals("/problems/not-found", missing.type());

        UnauthenticatedException wrong = assertThrows(UnauthenticatedException.class, () -> tokens.issueToken(
                new Credentials("nobody-" + UUID.randomUUID().toString().substring(0, 8), "not-the-password")));
        assertEquals(401, wrong.status());
        assertThrows(UnauthenticatedException.class, () -> FlashSaleClients.signedIn(UserApi.class,
                URI.create(platform), "not-a-token").getCurrentUser());
    }
}
