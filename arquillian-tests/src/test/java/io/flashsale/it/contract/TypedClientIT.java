package io.flashsale.it.contract;

import io.flashsale.it.support.PlatformSession;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;

/** The typed client ({@code api-client}) drives a whole sale against the server, as the README shows it. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class TypedClientIT {

    @Test
    void aWholeActivityThroughTheTypedClient() throws Exception {
        new ActivityWalkthrough(PlatformSession.serverUrl().toURI()).run();
    }
}
