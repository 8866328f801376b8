package io.flashsale.it.scaleout.clustered;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Crowd;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Processes;
import io.flashsale.it.support.ActivityInvariants;
import io.flashsale.it.support.Activities;
import io.flashsale.platform.dataservices.DataService;
import io.flashsale.platform.dataservices.EmbeddedKafka;
import io.flashsale.platform.dataservices.EmbeddedKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The clustered platform (the test command's second run: 2 Payara instances, 3 Kafka brokers, a 3-master Redis
 * Cluster): the broker
 * leading the purchases topic is SIGKILLed while buyers purchase. Replication 3 and {@code min.insync.replicas} 2
 * keep every acknowledged purchase; the sale goes on on the other two, and the sale's invariants hold.
 */
class BrokerKilledMidSaleIT {

    private static final String PURCHASES = "seckill.purchases";
    private static final int UNITS = 120;
    private static final int PRODUCT_UNITS = UNITS + 20;

    final URL base = PlatformSession.serverUrl();

    @Test
    void oneBrokerOfThreeKilledMidSaleLosesNoAcceptedPurchaseAndMakesNoSecondOrder() throws Exception {
        DataService kafka = PlatformSession.platform().embedded("kafka").orElseThrow();
        EmbeddedKafkaCluster brokers = assertInstanceOf(EmbeddedKafkaCluster.class, kafka,
                "runs on the clustered platform (FLASHSALE_KAFKA_BROKERS=3), the test command's second run");
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activities activities = new Activities(admin);
        long product = activities.product(PRODUCT_UNITS);
        long activity = activities.activity(product, UNITS, 1, null);
        List<Accounts.Account> buyers = accounts.crowd(200);
        Http.Reply first = http.as(buyers.get(0).token()).post(purchasePath(activity), quantity(1));
        assertEquals(202, first.status(), first.body()); // the purchases topic exists: its leader is known
        EmbeddedKafka victim = leaderOfPurchases(brokers);

        Crowd crowd = new Crowd(PlatformSession.servers(), activity, buyers.subList(1, buyers.size()), 4);
        Map<Long, String> accepted = new HashMap<>(Map.of(buyers.get(0).id(), first.json().getString("order_id")));
        try {
            Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 10);
            System.out.printf("[fault] SIGKILL %s (pid %d), leader of %s partition 0, after %d purchases accepted%n",
                    victim.name(), victim.pid(), PURCHASES, crowd.acceptedSoFar() + 1);
            Processes.kill(victim.pid());
            crowd.awaitAllAnswered(240);
        } finally {
            crowd.close();
        }
        accepted.putAll(crowd.accepted());
        System.out.println("[fault] " + crowd.summary());

        assertEquals(List.of(), crowd.violations());
        Map<String, String> statuses = ActivityInvariants.hold(admin, product, PRODUCT_UNITS, activity, accepted);
        assertEquals(UNITS, statuses.values().stream().filter("CONFIRMED"::equals).count(),
                "every unit sold once, to a buyer told 202, on the two brokers left: " + crowd.summary());
        assertEquals(UNITS, Activities.queryInt("SELECT COUNT(*) FROM seckill_order WHERE activity_id = ?"
                + " AND status = 'CONFIRMED'", activity), "no second order for any purchase");

        victim.stop();
        victim.start(); // the cluster whole again for the classes after this one
    }

    private static EmbeddedKafka leaderOfPurchases(EmbeddedKafkaCluster brokers) throws Exception {
        try (Admin admin = Admin.create(PlatformSession.platform().settings().kafkaClientProperties())) {
            int leader = admin.describeTopics(List.of(PURCHASES)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(PURCHASES).partitions().get(0).leader().id();
            return brokers.nodes().get(leader - 1);
        }
    }
}
