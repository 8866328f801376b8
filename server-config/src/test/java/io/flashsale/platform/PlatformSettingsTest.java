package io.flashsale.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformSettingsTest {

    @Test
    void withoutConfigurationEverythingIsEmbeddedOnItsOwnPorts() throws IOException {
        PlatformSettings settings = withDirs(Map.of());
        assertFalse(settings.database().external());
        assertFalse(settings.redis().external());
        assertFalse(settings.kafka().external());
        assertEquals(13306, settings.database().port());
        assertEquals(16379, settings.redis().port());
        assertEquals(19092, settings.kafka().port());
    }

    @Test
    void environmentVariablesNameExternalServicesAndTurnTheEmbeddedOnesOff() throws IOException {
        PlatformSettings settings = withDirs(Map.of(
                "FLASHSALE_DB_HOST", "db.internal",
                "FLASHSALE_DB_PASSWORD", "s3cr:t=",
                "FLASHSALE_REDIS_HOST", "cache.internal",
                "FLASHSALE_KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092"));
        assertTrue(settings.database().external());
        assertEquals("db.internal", settings.database().host());
        assertEquals(3306, settings.database().port());
        assertEquals("s3cr:t=", settings.database().password());
        assertTrue(settings.redis().external());
        assertEquals(6379, settings.redis().port());
        assertTrue(settings.kafka().external());
        assertEquals("k1:9092,k2:9092", settings.kafka().bootstrapServers());
    }

    private static PlatformSettings withDirs(Map<String, String> env) throws IOException {
        Path dir = Files.createTempDirectory("settings");
        System.setProperty("flashsale.payara.home", dir.toString());
        System.setProperty("flashsale.kafka.libs", dir.toString());
        try {
            return PlatformSettings.resolve(env);
        } finally {
            System.clearProperty("flashsale.payara.home");
            System.clearProperty("flashsale.kafka.libs");
        }
    }
}
