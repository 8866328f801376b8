package io.flashsale.shared.infrastructure.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** What a database error means for the caller, read from the cause chain of a JPA or JDBC exception. */
public final class SqlErrors {

    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    private SqlErrors() {
    }

    /** A unique or primary key constraint said the row exists already. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** The statement gave up waiting for a row lock, or was chosen as a deadlock victim: safe to retry. */
    public static boolean isLockContention(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == DEADLOCK)) {
                return true;
            }
            if (cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The database could not be reached (connection refused or lost, pool could not allocate): a retry may work. */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String type = cause.getClass().getName();
            if (type.endsWith("ResourceException") || type.endsWith("PoolingException")) {
                return true;
            }
        }
        return false;
    }
}
