package io.flashsale.web.problem;

import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.ServiceUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;

/**
 * A system exception out of an EJB: when a data service failed underneath (no connection, pool exhausted, Redis
 * down) the client gets a 503 it may retry; the transaction was rolled back, so nothing changed.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return new DomainExceptionMapper().toResponse(domain);
            }
            String service = serviceOf(cause);
            if (service != null) {
                return new DomainExceptionMapper().toResponse(new ServiceUnavailableException(service, cause));
            }
        }
        return new UnexpectedExceptionMapper().toResponse(e);
    }

    private static String serviceOf(Throwable cause) {
        if (cause instanceof SQLException || cause instanceof jakarta.resource.ResourceException
                || cause instanceof jakarta.transaction.SystemException) {
            return "database";
        }
        String name = cause.getClass().getName();
        if (name.startsWith("redis.clients.jedis.exceptions")) {
            return "redis";
        }
        if (name.startsWith("org.apache.kafka")) {
            return "kafka";
        }
        return null;
    }
}
