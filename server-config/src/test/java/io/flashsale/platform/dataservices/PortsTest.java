package io.flashsale.platform.dataservices;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run command stops at once, naming the port, when something else already listens on one it needs. */
class PortsTest {

    @Test
    void aTakenPortStopsTheStartWithItsNumberAndWhatNeededIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Ports.requireFree("Redis", port));
            assertTrue(refused.getMessage().contains("Port " + port + " (Redis) is already in use"),
                    refused.getMessage());
        }
    }

    @Test
    void aFreePortPassesAndIsNotAccepting() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertFalse(Ports.accepting("127.0.0.1", port));
        assertDoesNotThrow(() -> Ports.requireFree("Kafka", port));
    }
}
