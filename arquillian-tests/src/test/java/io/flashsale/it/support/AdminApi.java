package io.flashsale.it.support;

import io.flashsale.platform.PlatformSettings;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Payara's admin REST API (and monitoring tree) as an operator reaches it: user admin, the generated password. */
public final class AdminApi {

    private AdminApi() {
    }

    /** A client of {@code http://127.0.0.1:<admin port><path>} with the admin user's Basic credentials. */
    public static Http client(String path) {
        PlatformSettings settings = PlatformSession.platform().settings();
        String credentials = Base64.getEncoder().encodeToString(("admin:" + settings.secrets().payaraAdminPassword())
                .getBytes(StandardCharsets.UTF_8));
        return new Http("http://127.0.0.1:" + settings.adminPort() + path).withAuthorization("Basic " + credentials);
    }
}
