package io.flashsale.it.security;

import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Http;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static io.flashsale.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A token stops working the moment it should, not when it expires: a logout, a demotion, a promotion and a removed
 * account, each checked on the next request (tokens here live 15 minutes).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class TokenRevocationHttpIT {

    private static final String PRODUCT = "{\"name\":\"Revoked\",\"price\":1,\"stock\":1}";


    final URL base = PlatformSession.serverUrl();

    private Http http() {
        return new Http(base.toString());
    }

    @Test
    void aLoggedOutTokenIsRefusedAndTheUsersOtherTokensAreNot() {
        Accounts accounts = new Accounts(http());
        Accounts.Account account = accounts.newCustomer();
        Http first = http().as(account.token());
        Http second = http().as(accounts.login(account.username(), account.password()));

        assertEquals(204, first.delete("/api/v1/auth/token").status());
        assertProblem(401, null, first.get("/api/v1/users/me"));
        assertEquals(200, second.get("/api/v1/users/me").status());
        assertProblem(401, null, http().delete("/api/v1/auth/token"));
    }

    @Test
    void aDemotedAdministratorLosesTheRoleAtOnceAndAPromotedCustomerNeedsANewToken() {
        Accounts accounts = new Accounts(http());
        Http admin = accounts.admin();
        Accounts.Account user = accounts.newCustomer();
        Http asCustomer = http().as(user.token());
        assertProblem(403, null, asCustomer.post("/api/v1/products", PRODUCT));

        Http.Reply promoted = admin.put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"ADMIN\"}");
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals("ADMIN", promoted.json().getString("role"));
        assertProblem(401, null, asCustomer.get("/api/v1/users/me")); // the token that says CUSTOMER
        Http asNewAdmin = http().as(accounts.login(user.username(), user.password()));
        assertEquals(201, asNewAdmin.post("/api/v1/products", PRODUCT).status());

        assertEquals(200, admin.put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"CUSTOMER\"}").status());
        assertProblem(401, null, asNewAdmin.post("/api/v1/products", PRODUCT));
        assertProblem(401, null, asNewAdmin.get("/api/v1/users/me"));
        Http again = http().as(accounts.login(user.username(), user.password()));
        assertEquals("CUSTOMER", again.get("/api/v1/users/me").json().getString("role"));
        assertProblem(403, null, again.post("/api/v1/products", PRODUCT));
    }

    @Test
    void aRemovedAccountsTokensAndPasswordStopWorking() {
        Accounts accounts = new Accounts(http());
        Accounts.Account user = accounts.newCustomer();
        Http asUser = http().as(user.token());
        assertEquals(200, asUser.get("/api/v1/users/me").status());

        assertEquals(204, accounts.admin().delete("/api/v1/users/" + user.id()).status());
        assertProblem(401, null, asUser.get("/api/v1/users/me"));
        assertProblem(401, "/problems/invalid-credentials", http().post("/api/v1/auth/token",
                Accounts.json(user.username(), user.password())));
        assertProblem(404, null, accounts.admin().delete("/api/v1/users/" + user.id()));
    }

    @Test
    void onlyAnotherAdministratorChangesAnAccountAndBadInputChangesNothing() {
        Accounts accounts = new Accounts(http());
        Http admin = accounts.admin();
        long adminId = admin.get("/api/v1/users/me").json().getJsonNumber("id").longValue();
        Accounts.Account user = accounts.newCustomer();
        Http asUser = http().as(user.token());

        assertProblem(409, "/problems/own-account", admin.put("/api/v1/users/" + adminId + "/role",
                "{\"role\":\"CUSTOMER\"}"));
        assertProblem(409, "/problems/own-account", admin.delete("/api/v1/users/" + adminId));
        assertProblem(403, null, asUser.put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"ADMIN\"}"));
        assertProblem(403, null, asUser.delete("/api/v1/users/" + adminId));
        assertProblem(400, null, admin.put("/api/v1/users/" + user.id() + "/role", "{\"role\":\"ROOT\"}"));
        assertProblem(400, null, admin.put("/api/v1/users/" + user.id() + "/role", "{}"));
        assertProblem(404, null, admin.put("/api/v1/users/987654321/role", "{\"role\":\"ADMIN\"}"));
        assertEquals("CUSTOMER", asUser.get("/api/v1/users/me").json().getString("role"), "nothing changed");
        assertEquals("ADMIN", admin.get("/api/v1/users/me").json().getString("role"));
    }
}
