package io.flashsale.shared.infrastructure.messaging;

import io.flashsale.shared.domain.ServiceUnavailableException;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Sends events through a MicroProfile Reactive Messaging emitter and, when asked, waits for the broker's ack. */
public final class KafkaEventSender {

    private KafkaEventSender() {
    }

    /**
     * Completes when the broker acknowledged the record (acks=all on the channel); exceptionally with a
     * {@link ServiceUnavailableException} when it was refused (nack, full emitter buffer) or not acknowledged within
     * the timeout. The ack arrives on the Kafka client's thread: whatever follows must not block it.
     */
    public static CompletableFuture<Void> send(Emitter<String> emitter, OutgoingEvent event, Duration timeout) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        send(emitter, event).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            if (failure == null) {
                answered.complete(null);
            } else {
                answered.completeExceptionally(failure instanceof ServiceUnavailableException ? failure
                        : new ServiceUnavailableException("kafka", failure));
            }
        });
        return answered;
    }

    /** Completes when the broker acknowledged the record, exceptionally on a nack or a full emitter buffer. */
    public static CompletableFuture<Void> send(Emitter<String> emitter, OutgoingEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(event.json())
                .addMetadata(metadata(event))
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException overflowOrCancelled) {
            acked.completeExceptionally(overflowOrCancelled);
        }
        return acked;
    }

    /** Sends and blocks until acked; a nack or no ack within the timeout is a {@link ServiceUnavailableException}. */
    public static void sendAndAwait(Emitter<String> emitter, OutgoingEvent event, Duration timeout) {
        try {
            send(emitter, event, timeout).get();
        } catch (ExecutionException e) {
            throw (ServiceUnavailableException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("kafka", e);
        }
    }

    private static OutgoingKafkaRecordMetadata<String> metadata(OutgoingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event_type", bytes(event.eventType()));
        headers.add("event_id", bytes(event.eventId()));
        headers.add("timestamp", bytes(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())));
        return OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.key())
                .withHeaders(headers)
                .build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
