package io.flashsale.it.scaleout.clustered;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.AdminApi;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Crowd;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Processes;
import io.flashsale.it.support.ActivityInvariants;
import io.flashsale.it.support.Activities;
import io.flashsale.platform.PlatformSettings;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform as a deployment group of two Payara instances (the test command's second run), every buyer's
 * requests spread over both as a round-robin load balancer spreads them: one sale, one set of invariants; the admin
 * console sees both instances; one instance SIGKILLed mid-sale leaves the other selling and running housekeeping
 * alone.
 */
class DeploymentGroupIT {

    private static final String SOLD_OUT = "/problems/sold-out";
    private static final String ALREADY_PURCHASED = "/problems/already-purchased";

    private final PlatformSettings.Instances instances = PlatformSession.platform().settings().instances();
    private final List<Http> servers = PlatformSession.servers();
    private final Accounts accounts = new Accounts(servers.get(0));

    private record Answer(int server, long buyer, Http.Reply reply) {

        int status() {
            return reply.status();
        }
    }

    @Test
    void aThousandBuyersOverBothInstancesGetExactlyTheHundredUnits() throws Exception {
        assertEquals(2, servers.size(), "runs on a deployment group of 2 instances (FLASHSALE_INSTANCES=2)");
        Http admin = accounts.admin();
        long product = new Activities(admin).product(110);
        long activity = new Activities(admin).activity(product, 100, 1, null);
        List<Account> buyers = accounts.crowd(1000);
        List<Account> presses = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            int copies = i % 10 == 0 ? 3 : 1; // some buyers press "buy" several times at once
            presses.addAll(Collections.nCopies(copies, buyers.get(i)));
        }
        Collections.shuffle(presses);
        List<Callable<Answer>> requests = new ArrayList<>();
        for (int r = 0; r < presses.size(); r++) {
            int server = r % servers.size(); // round robin
            Account buyer = presses.get(r);
            requests.add(() -> new Answer(server, buyer.id(),
                    servers.get(server).as(buyer.token()).post(purchasePath(activity), quantity(1))));
        }
        List<Answer> answers = Concurrently.run(requests, 64);

        List<Answer> accepted = answers.stream().filter(a -> a.status() == 202).toList();
        assertEquals(100, accepted.size(), "exactly the units on sale are sold, whichever instance answered");
        assertEquals(100, accepted.stream().map(Answer::buyer).distinct().count(), "no buyer twice");
        Map<Integer, Long> byServer = accepted.stream().collect(Collectors.groupingBy(Answer::server,
                Collectors.counting()));
        assertEquals(2, byServer.size(), "both instances sold: " + byServer);
        for (Answer other : answers) {
            if (other.status() != 202) {
                assertEquals(409, other.status(), other.toString());
                String type = other.reply().json().getString("type", "");
                assertTrue(type.endsWith(SOLD_OUT) || type.endsWith(ALREADY_PURCHASED), other.toString());
            }
        }
        Map<Long, String> orders = new HashMap<>();
        for (Answer a : accepted) {
            orders.put(a.buyer(), a.reply().json().getString("order_id"));
        }
        Map<String, String> statuses = ActivityInvariants.hold(admin, product, 110, activity, orders);
        assertEquals(100, statuses.values().stream().filter("CONFIRMED"::equals).count(), "all confirmed");
        System.out.printf("[group] 202s by instance %s%n", byServer);
    }

    /**
     * What the admin console shows of a deployment group is served by the admin REST API on the DAS: the group and
     * its instances, each running, the application deployed to the group, each instance's monitoring data, and one
     * Data Grid of the DAS and both instances.
     */
    @Test
    void theAdminConsoleShowsTheGroupAndEachInstancesMonitoringData() {
        Http management = AdminApi.client("/management/domain");
        JsonObject group = management.get("/deployment-groups/deployment-group/flashsale-group",
                "Accept", "application/json").json();
        assertEquals("SUCCESS", group.getString("exit_code"), group.toString());
        String listed = management.get("/list-instances", "Accept", "application/json").body();
        for (int i = 1; i <= instances.count(); i++) {
            assertTrue(listed.contains(instances.name(i)), listed);
        }
        assertTrue(!listed.contains("not running"), "every instance running: " + listed);
        JsonObject applications = management.get("/deployment-groups/deployment-group/flashsale-group/application-ref",
                "Accept", "application/json").json().getJsonObject("extraProperties").getJsonObject("childResources");
        assertTrue(applications.containsKey("flashsale"), "the application is deployed to the group: " + applications);

        servers.forEach(server -> server.get("/api/v1/products"));
        for (int i = 1; i <= instances.count(); i++) {
            Http monitoring = AdminApi.client("/monitoring/domain/" + instances.name(i));
            JsonObject requests = entity(monitoring, "/http-service/server/request");
            assertTrue(requests.getJsonObject("countrequests").getJsonNumber("count").longValue() > 0,
                    instances.name(i) + " counts its requests: " + requests);
            JsonObject pool = entity(monitoring, "/resources/flashsale-pool");
            assertTrue(pool.containsKey("numconnfree"), instances.name(i) + "'s connection pool: " + pool);
            JsonObject workers = entity(monitoring, "/network/http-listener-1/thread-pool");
            assertEquals(32, workers.getJsonObject("currentthreadcount").getJsonNumber("count").intValue(),
                    instances.name(i) + "'s HTTP workers, as configured: " + workers);
        }

        String grid = management.get("/list-hazelcast-cluster-members", "Accept", "application/json").body();
        for (int i = 1; i <= instances.count(); i++) {
            assertTrue(grid.contains(instances.name(i)), "one Data Grid of the DAS and every instance: " + grid);
        }
    }

    /**
     * The instance that holds the housekeeping lease is SIGKILLed while buyers purchase through the example load
     * balancer: the other answers every buyer, takes the lease once it expires, and alone cancels the orders left
     * unpaid past the payment window (their units back on sale once each) and warms the next sale.
     */
    @Test
    void anInstanceKilledMidSaleLeavesTheOtherSellingAndRunningHousekeepingAlone() throws Exception {
        Http loadBalancer = new Http(PlatformSession.platform().settings().loadBalancerUrl());
        Http admin = new Accounts(loadBalancer).admin();
        Activities activities = new Activities(admin);
        int units = 120;
        int productUnits = units + 20;
        long product = activities.product(productUnits);
        long activity = activities.activity(product, units, 1, 20); // nobody pays: every order is cancelled after 20 s
        int victim = Await.until("an instance holds the housekeeping lease", Duration.ofSeconds(30),
                this::leaseHolder, holder -> holder > 0);
        int survivor = victim == 1 ? 2 : 1;

        List<Account> buyers = accounts.crowd(300);
        Crowd crowd = new Crowd(loadBalancer, activity, buyers, 4);
        try {
            try {
                Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 10);
                long pid = Processes.listeningOn(instances.httpPort(victim));
                System.out.printf("[fault] SIGKILL %s (pid %d), holder of the housekeeping lease, after %d"
                        + " accepted%n", instances.name(victim), pid, crowd.acceptedSoFar());
                Processes.kill(pid);
                crowd.awaitAllAnswered(240);
            } finally {
                crowd.close();
            }
            System.out.println("[fault] " + crowd.summary());
            assertEquals(List.of(), crowd.violations());
            assertEquals(survivor, (int) Await.until("the survivor took the housekeeping lease",
                    Duration.ofSeconds(30), this::leaseHolder, holder -> holder == survivor));

            // every order of the sale, also one whose 202 died with the instance (its buyer saw a 503), and those the
            // killed instance's order writer had not written yet (its partitions move to the survivor first)
            Await.until("the survivor wrote and then cancelled every unpaid order", ActivityInvariants.HEALING,
                    () -> List.of(Activities.orders(activity, "CONFIRMED"), Activities.orders(activity, "CANCELLED")),
                    counts -> counts.get(0) == 0 && counts.get(1) >= crowd.accepted().size());
            assertEquals(units, (int) Await.until("every cancelled order's unit back on sale",
                    ActivityInvariants.HEALING, () -> Activities.durableRemaining(activity), remaining -> remaining >= units),
                    "each unit given back once, not once per instance");
            ActivityInvariants.hold(admin, product, productUnits, activity, crowd.accepted());
            assertEquals(survivor, leaseHolder(), "housekeeping stayed on the survivor");

            long next = activities.activityLater(activities.product(10), 5);
            Http.Reply bought = Await.until("the next sale, warmed by the survivor, sells", Duration.ofSeconds(60),
                    () -> loadBalancer.as(buyers.get(0).token()).post(purchasePath(next), quantity(1)),
                    reply -> reply.status() == 202);
            assertEquals(202, bought.status(), bought.body());
        } finally {
            PlatformSession.platform().domain().startInstance(victim); // the group whole again for what follows
            PlatformSession.platform().awaitReady(Duration.ofMinutes(5));
        }
    }

    /**
     * README "Scaling out": an instance added to the group while a sale runs gets the application and its resources
     * from the DAS when it starts and sells in that sale; the load balancer then gets its address.
     */
    @Test
    void anInstanceAddedToTheRunningGroupSellsInTheSaleUnderWay() {
        Http admin = accounts.admin();
        long activity = new Activities(admin).activity(20, 1);
        List<Account> buyers = accounts.crowd(2);
        assertEquals(202, servers.get(0).as(buyers.get(0).token()).post(purchasePath(activity), quantity(1))
                .status());
        int added = instances.count() + 1;
        PlatformSession.platform().domain().addInstance(added);
        try {
            Http third = new Http("http://127.0.0.1:" + instances.httpPort(added));
            Await.until(instances.name(added) + " ready", Duration.ofMinutes(5),
                    () -> statusOf(third, "/health/ready"), status -> status == 200);
            Http.Reply reply = third.as(buyers.get(1).token()).post(purchasePath(activity), quantity(1));
            assertEquals(202, reply.status(), reply.body());
            Await.until("both orders confirmed", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                    confirmed -> confirmed == 2);
            String listed = AdminApi.client("/management/domain").get("/list-instances", "Accept",
                    "application/json").body();
            assertTrue(listed.contains(instances.name(added) + "   running"), listed);
        } finally {
            PlatformSession.platform().domain().removeInstance(added);
        }
    }

    /** The status of a GET, 0 while nothing answers. */
    private static int statusOf(Http server, String path) {
        try {
            return server.get(path).status();
        } catch (RuntimeException noAnswer) {
            return 0;
        }
    }

    private JsonObject entity(Http monitoring, String node) {
        Http.Reply reply = monitoring.get(node, "Accept", "application/json");
        assertEquals(200, reply.status(), node + ": " + reply.body());
        return reply.json().getJsonObject("extraProperties").getJsonObject("entity");
    }

    /** The instance (1, 2, ...) whose name leads the housekeeping lease's holder id, 0 when none holds it. */
    private int leaseHolder() {
        try (Connection connection = Database.connect(); ResultSet row = connection.createStatement().executeQuery(
                "SELECT holder FROM seckill_job_lease WHERE job = 'seckill-housekeeping'")) {
            if (!row.next()) {
                return 0;
            }
            String holder = row.getString(1);
            for (int i = 1; i <= instances.count(); i++) {
                if (holder.startsWith(instances.name(i) + "/")) {
                    return i;
                }
            }
            throw new AssertionError("the lease is held by " + holder + ", not by an instance of the group");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
