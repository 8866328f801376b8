package io.flashsale.it.support;

import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC access to the platform's database, for checking what the application really stored. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        DatabaseEndpoint db = PlatformSession.platform().settings().database();
        return DriverManager.getConnection("jdbc:mysql://" + db.host() + ":" + db.port() + "/" + db.name()
                + "?useSSL=false&allowPublicKeyRetrieval=true", db.user(), db.password());
    }
}
