package io.flashsale.shared.infrastructure.messaging;

import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;

/**
 * The SASL settings the SmallRye connector's channels use, for the Kafka clients the application makes itself (the
 * readiness check, the order writer's lag probe): one place, so that they log in as the channels do.
 */
public final class KafkaClientSecurity {

    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";

    private KafkaClientSecurity() {
    }

    /** {@code settings} plus security.protocol, sasl.mechanism and sasl.jaas.config, when configured. */
    public static Map<String, Object> with(Config config, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        for (String key : new String[] {"security.protocol", "sasl.mechanism", "sasl.jaas.config"}) {
            config.getOptionalValue(CONNECTOR + key, String.class).ifPresent(value -> all.put(key, value));
        }
        return all;
    }
}
