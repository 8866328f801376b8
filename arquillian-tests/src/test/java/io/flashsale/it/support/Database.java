package io.flashsale.it.support;

import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC access to the platform's database, for checking what the application really stored. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        PlatformSettings settings = PlatformSession.platform().settings();
        DatabaseEndpoint db = settings.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), settings.databasePassword());
    }
}
