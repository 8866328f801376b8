package io.flashsale.it.support;

import io.flashsale.it.support.Accounts.Account;

import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;

/**
 * Buyers pressing "buy" while something breaks, as real ones do: each until it is answered 202 or 409, trying again
 * after a 503 or no answer at all. Records who was accepted with which order, and any answer the contract does not
 * allow (a 5xx other than 503, a 4xx other than 409).
 */
public final class Crowd implements AutoCloseable {

    /** Between one buyer's answer and the next buyer's click, per thread: the crowd arrives over a second or two. */
    private static final long PACE_MILLIS = 50;

    private final List<Http> servers;
    private final AtomicInteger next = new AtomicInteger();
    private final long activity;
    private final ConcurrentLinkedQueue<Account> waiting;
    private final Map<Long, String> accepted = new ConcurrentHashMap<>();
    private final Map<Long, String> toldAlreadyPurchased = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;
    private volatile boolean paused;

    public Crowd(Http http, long activity, List<Account> buyers, int concurrency) {
        this(List.of(http), activity, buyers, concurrency);
    }

    /** Requests spread over {@code servers} in turn, as a round-robin load balancer spreads them. */
    public Crowd(List<Http> servers, long activity, List<Account> buyers, int concurrency) {
        this.servers = List.copyOf(servers);
        this.activity = activity;
        this.waiting = new ConcurrentLinkedQueue<>(buyers);
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(this::buy, "crowd-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    private void buy() {
        Account buyer;
        while (!closed && (buyer = waiting.poll()) != null) {
            while (paused && !closed) {
                pause(100);
            }
            Http.Reply reply;
            try {
                Http server = servers.get(Math.floorMod(next.getAndIncrement(), servers.size()));
                reply = server.as(buyer.token()).post(purchasePath(activity), quantity(1));
            } catch (RuntimeException noAnswer) {
                if (noAnswer.getCause() instanceof HttpTimeoutException) {
                    violations.add("no answer within 30 s: the request hung");
                }
                unanswered.incrementAndGet();
                retryLater(buyer);
                continue;
            }
            pause(PACE_MILLIS);
            switch (reply.status()) {
                case 202 -> {
                    if (accepted.put(buyer.id(), reply.json().getString("order_id")) != null) {
                        violations.add("buyer " + buyer.id() + " accepted twice");
                    }
                }
                case 409 -> {
                    if (reply.body().contains("already-purchased")) {
                        toldAlreadyPurchased.put(buyer.id(), reply.json().getString("order_id", ""));
                    }
                }
                case 503 -> {
                    unavailable.incrementAndGet();
                    retryLater(buyer);
                }
                default -> violations.add(reply.status() + " " + reply.body());
            }
        }
    }

    private void retryLater(Account buyer) {
        waiting.add(buyer);
        pause(100);
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No new purchases while a server restarts (it answers 404 until the application is deployed again). */
    public void pauseBuying() {
        paused = true;
    }

    public void resumeBuying() {
        paused = false;
    }

    public int acceptedSoFar() {
        return accepted.size();
    }

    /** Waits until every buyer was answered 202 or 409. */
    public void awaitAllAnswered(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            throw new AssertionError(waiting.size() + " buyers still unanswered after " + timeoutSeconds + " s");
        }
    }

    /** Buyer id to the order id of their 202. */
    public Map<Long, String> accepted() {
        return Map.copyOf(accepted);
    }

    public Map<Long, String> toldAlreadyPurchased() {
        return Map.copyOf(toldAlreadyPurchased);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public String summary() {
        return accepted.size() + " accepted, " + unavailable.get() + " answers 503, " + unanswered.get()
                + " requests without an answer, " + toldAlreadyPurchased.size() + " told already-purchased";
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}
