package io.flashsale.seckill.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.EnumMap;
import java.util.Map;

/** Counts purchase answers by outcome: {@code seckill_purchases_total{outcome="..."}}. */
@ApplicationScoped
public class PurchaseOutcomes {

    public enum Outcome { ACCEPTED, SOLD_OUT, ALREADY_PURCHASED, RATE_LIMITED, UNAVAILABLE, NOT_ACTIVE, REJECTED }

    @Inject
    MetricRegistry registry;

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    @PostConstruct
    void register() {
        Metadata metadata = Metadata.builder().withName("seckill_purchases_total")
                .withDescription("Purchase requests by answer: accepted (202), sold_out, already_purchased,"
                        + " rate_limited (429), unavailable (503: shed, Redis or Kafka down), not_active, rejected (4xx)")
                .build();
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, registry.counter(metadata, new Tag("outcome", outcome.name().toLowerCase())));
        }
    }

    public void count(Outcome outcome) {
        counters.get(outcome).inc();
    }
}
