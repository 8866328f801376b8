package io.flashsale.shared.infrastructure.persistence;

import org.eclipse.persistence.platform.database.MySQLPlatform;

/**
 * EclipseLink's MySQL platform, reading generated ids with {@code SELECT LAST_INSERT_ID()} instead of
 * {@code Statement.getGeneratedKeys()}: the EclipseLink of Payara 6.2025.9 (4.0.1) never closes the statement of an
 * insert whose keys it read that way (eclipse-ee4j/eclipselink#2366), so every IDENTITY insert left a statement open
 * on its pooled connection, and MySQL Connector/J's list of open statements (copied on every new statement) made
 * each later statement slower. Named in every persistence unit as {@code eclipselink.target-database}.
 */
public class MySqlPlatform extends MySQLPlatform {

    public MySqlPlatform() {
        setSupportsReturnGeneratedKeys(false);
    }
}
