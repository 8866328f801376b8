package io.flashsale.seckill.application.purchase;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.EnumMap;
import java.util.Map;

/** Counts purchase answers ({@link PurchaseAnswer}): {@code seckill_purchases_total{outcome="..."}}. */
@ApplicationScoped
public class PurchaseAnswers {

    @Inject
    MetricRegistry registry;

    private final Map<PurchaseAnswer, Counter> counters = new EnumMap<>(PurchaseAnswer.class);

    @PostConstruct
    void register() {
        Metadata metadata = Metadata.builder().withName("seckill_purchases_total")
                .withDescription("Purchase requests by answer: accepted (202), sold_out, already_purchased,"
                        + " rate_limited (429), unavailable (503: shed, Redis or Kafka down), not_active, rejected (4xx)")
                .build();
        for (PurchaseAnswer answer : PurchaseAnswer.values()) {
            counters.put(answer, registry.counter(metadata, new Tag("outcome", answer.name().toLowerCase())));
        }
    }

    public void count(PurchaseAnswer answer) {
        counters.get(answer).inc();
    }
}
