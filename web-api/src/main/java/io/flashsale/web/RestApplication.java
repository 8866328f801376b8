package io.flashsale.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Bearer tokens are verified by {@link io.flashsale.web.auth.BearerTokenFilter} (signature, issuer, expiry) in
 * memory, without a database round trip; endpoints declare their roles with {@code @RolesAllowed}, the others are
 * public.
 */
@ApplicationPath("/api/v1")
@DeclareRoles({Roles.ADMIN, Roles.CUSTOMER})
@OpenAPIDefinition(info = @Info(title = "Flash sale platform", version = RestApplication.CONTRACT_VERSION,
        description = "Flash sales that never oversell. Errors are RFC 9457 problem+json; clients switch on 'type'."
                + " Changes to this contract: docs/api-changelog.md."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
@SecurityScheme(securitySchemeName = "paymentSignature", type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "Payment-Signature",
        description = "The payment provider's signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">"
                + " with the shared callback secret")
public class RestApplication extends Application {

    /** The contract's version (semantic: a breaking change raises the major, which is also the path's /v1). */
    public static final String CONTRACT_VERSION = "1.1.0";

    /**
     * Request bodies and parameters are validated once, by the CDI method-validation interceptor every resource (a
     * CDI bean) already has; Jersey's own second pass over the same constraints is switched off. No WADL: the
     * contract is the OpenAPI document at {@code /openapi}, and a WADL on every {@code OPTIONS} only maps the API for
     * an attacker.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true,
                "jersey.config.server.wadl.disableWadl", true);
    }
}
