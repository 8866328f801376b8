package io.flashsale.shared.domain;

/** A data service (database, Redis, Kafka) could not be reached; nothing was changed, the caller may retry. */
public class ServiceUnavailableException extends DomainException {

    public ServiceUnavailableException(String service, Throwable cause) {
        super(Kind.UNAVAILABLE, "service-unavailable", service + " is unavailable", cause);
    }
}
