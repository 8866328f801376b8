package io.flashsale.it.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.NothingSecretLogged;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Activities;
import io.flashsale.platform.Secrets;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.flashsale.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up, tokens and who may do what, over HTTP against the deployed EAR. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class AuthenticationHttpIT {

    private static final String TOKEN = "/api/v1/auth/token";

    final URL base = PlatformSession.serverUrl();

    /**
     * A stored hash carries its own algorithm, iterations and salt: after the cost is changed, old hashes are still
     * verified with the cost they were made with, and are not rewritten by a login.
     */
    @Test
    void aHashMadeWithAnotherCostStillVerifiesAndKeepsItsCost() throws Exception {
        Accounts.Account account = accounts().newCustomer();
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        String password = NothingSecretLogged.remember("an older password " + UUID.randomUUID());
        byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(
                new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 1_000, 64 * 8)).getEncoded();
        String stored = "PBKDF2WithHmacSHA512:1000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
        try (Connection db = Database.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE app_user SET password_hash = ? WHERE id = ?")) {
            update.setString(1, stored);
            update.setLong(2, account.id());
            assertEquals(1, update.executeUpdate());
        }

        assertEquals(200, http().post(TOKEN, Accounts.json(account.username(), password)).status(),
                "verified with its own 1,000 iterations, not the configured 10,000");
        assertEquals(401, http().post(TOKEN, Accounts.json(account.username(), account.password())).status());
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT password_hash FROM app_user WHERE id = ?")) {
            query.setLong(1, account.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(stored, row.getString(1), "the old hash is kept as it was");
            }
        }
    }

    private Http http() {
        return new Http(base.toString());
    }

    private Accounts accounts() {
        return new Accounts(http());
    }

    @Test
    void aCustomerSignsUpLogsInAndSeesOnlyWhatTheTokenSays() {
        String username = "Carol-" + UUID.randomUUID().toString().substring(0, 8);
        String password = secret();
        Http.Reply registered = http().post("/api/v1/users", Accounts.json(username, password));
        assertEquals(201, registered.status(), registered.body());
        JsonObject user = registered.json();
        assertEquals(username.toLowerCase(), user.getString("username"));
        assertEquals("CUSTOMER", user.getString("role"));
        assertFalse(registered.body().contains(password), "the password is never returned");

        Http.Reply token = http().post("/api/v1/auth/token", Accounts.json(username, password));
        assertEquals(200, token.status(), token.body());
        assertEquals("Bearer", token.json().getString("token_type"));
        assertEquals(900, token.json().getInt("expires_in"), "flashsale.auth.token-lifetime-seconds");
        assertTrue(token.header("Cache-Control").orElse("").contains("no-store"), "tokens are not cached");

        Http.Reply me = http().as(token.json().getString("access_token")).get("/api/v1/users/me");
        assertEquals(200, me.status(), me.body());
        assertEquals(user.getJsonNumber("id").longValue(), me.json().getJsonNumber("id").longValue());
        assertEquals("CUSTOMER", me.json().getString("role"));

        Http.Reply taken = http().post("/api/v1/users", Accounts.json(username.toUpperCase(), secret()));
        assertProblem(409, "/problems/username-taken", taken);
    }

    @Test
    void registrationRulesAreEnforcedWith400s() {
        assertProblem(400, null, http().post("/api/v1/users", Accounts.json("ab", secret())));
        assertProblem(400, null, http().post("/api/v1/users", Accounts.json("has space", secret())));
        assertProblem(400, null, http().post("/api/v1/users", Accounts.json("x".repeat(33), secret())));
        assertProblem(400, null, http().post("/api/v1/users", Accounts.json(fresh(), "short7!")));
        assertProblem(400, null, http().post("/api/v1/users", Accounts.json(fresh(), "p".repeat(129))));
        assertProblem(400, null, http().post("/api/v1/users", "{\"username\":\"" + fresh() + "\"}"));
        assertProblem(400, null, http().post("/api/v1/users", "{\"username\":"));
        assertEquals(201, http().post("/api/v1/users", Accounts.json(fresh(), "p".repeat(128))).status());
        assertEquals(201, http().post("/api/v1/users", Accounts.json(fresh(), "p".repeat(8))).status());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Accounts.Account account = accounts().newCustomer();
        Http.Reply wrong = http().post("/api/v1/auth/token", Accounts.json(account.username(), "wrong-" + secret()));
        Http.Reply unknown = http().post("/api/v1/auth/token", Accounts.json(fresh(), "wrong-" + secret()));
        assertProblem(401, "/problems/invalid-credentials", wrong);
        assertProblem(401, "/problems/invalid-credentials", unknown);
        assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
        assertEquals("Bearer", wrong.header("WWW-Authenticate").orElse(""));
    }

    @Test
    void whoMayDoWhat() {
        String product = "{\"name\":\"guarded\",\"price\":1.00,\"stock\":3}";
        Http.Reply anonymous = http().post("/api/v1/products", product);
        assertProblem(401, null, anonymous);
        assertEquals("Bearer", anonymous.header("WWW-Authenticate").orElse(""));
        assertProblem(401, null, http().get("/api/v1/users/me"));

        Http customer = http().as(accounts().newCustomer().token());
        assertProblem(403, null, customer.post("/api/v1/products", product));

        Http admin = accounts().admin();
        Http.Reply created = admin.post("/api/v1/products", product);
        assertEquals(201, created.status(), created.body());
        assertEquals("ADMIN", admin.get("/api/v1/users/me").json().getString("role"));
        long id = created.json().getJsonNumber("id").longValue();

        assertEquals(200, http().get("/api/v1/products/" + id).status(), "product reads are public");
        assertProblem(401, null, http().post("/api/v1/products/" + id + "/stock/reserve",
                "{\"quantity\":1,\"order_id\":\"anon-1\"}"));
        assertEquals(200, customer.post("/api/v1/products/" + id + "/stock/reserve",
                "{\"quantity\":1,\"order_id\":\"" + UUID.randomUUID() + "\"}").status());
        assertEquals(200, http().get("/health/ready").status(), "health is public");
        assertEquals(200, http().get("/openapi").status(), "the API description is public");
    }

    @Test
    void tamperedExpiredAndForeignTokensAreRejected() throws Exception {
        Accounts.Account account = accounts().newCustomer();
        String[] parts = account.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"CUSTOMER\"", "\"ADMIN\"");
        assertTrue(!promoted.equals(claims), claims);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertProblem(401, null, http().as(tampered).get("/api/v1/users/me"));
        assertProblem(401, null, http().as(tampered).post("/api/v1/products",
                "{\"name\":\"x\",\"price\":1,\"stock\":1}"));

        PrivateKey ours = platformSigningKey();
        assertEquals(200, http().as(sign(ours, account.id(), account.username(), Instant.now().plusSeconds(60)))
                .get("/api/v1/users/me").status(), "a token signed with the platform's key is accepted");
        assertProblem(401, null, http().as(sign(ours, account.id(), account.username(),
                Instant.now().minusSeconds(600))).get("/api/v1/users/me"));
        // our key, but meant for another service that trusts the same issuer
        assertProblem(401, null, http().as(sign(ours, "reporting-service", account.id(), account.username(),
                Instant.now().plusSeconds(60))).get("/api/v1/users/me"));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        assertProblem(401, null, http().as(sign(foreign, account.id(), account.username(),
                Instant.now().plusSeconds(60))).get("/api/v1/users/me"));

        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertProblem(401, null, http().as(unsigned).get("/api/v1/users/me"));
        assertProblem(401, null, http().as("not-a-jwt").get("/api/v1/users/me"));
    }

    @Test
    void bruteForceOnOneAccountLocksTheGuesserOutButNeverTheOwnerAndRevealsNothing() {
        String attacker = "127.0.0.3"; // another client machine, as the server sees it
        Accounts.Account account = accounts().newCustomer();
        String unknownName = fresh();
        for (String name : List.of(account.username(), unknownName)) {
            for (int i = 0; i < 5; i++) {
                assertProblem(401, "/problems/invalid-credentials",
                        http().postFrom(attacker, TOKEN, Accounts.json(name, "guess-" + i)));
            }
            Http.Reply throttled = http().postFrom(attacker, TOKEN, Accounts.json(name, "guess-5"));
            assertProblem(429, "/problems/too-many-login-attempts", throttled);
            assertTrue(Long.parseLong(throttled.header("Retry-After").orElseThrow()) >= 25,
                    "the first lock is long enough to matter: " + throttled.header("Retry-After"));
        }
        // even the right password, from there
        assertProblem(429, "/problems/too-many-login-attempts", http().postFrom(attacker, TOKEN,
                Accounts.json(account.username(), account.password())));

        assertEquals(200, http().post(TOKEN, Accounts.json(account.username(), account.password())).status(),
                "the owner, from their own address, is not locked out by someone else's guessing");
    }

    @Test
    void parallelGuessesCannotSlipBetweenTheCheckAndTheCount() throws Exception {
        String attacker = "127.0.0.4";
        Accounts.Account account = accounts().newCustomer();
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String guess = "guess-" + i;
            guesses.add(() -> http().postFrom(attacker, TOKEN, Accounts.json(account.username(), guess)).status());
        }
        List<Integer> statuses = Concurrently.run(guesses, 64);

        long checked = statuses.stream().filter(s -> s == 401 || s == 503).count(); // 503: the hashing bulkhead
        assertTrue(checked <= 5, "at most the 5 free attempts reached the password check: " + statuses);
        assertEquals(64 - checked, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void passwordHashingIsABulkheadSoASignUpFloodIsTurnedAwayAtOnce() throws Exception {
        List<Callable<Http.Reply>> signUps = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            signUps.add(() -> http().post("/api/v1/users", Accounts.json(fresh(), "pw-" + UUID.randomUUID())));
        }
        List<Http.Reply> replies = Concurrently.run(signUps, 64);

        List<Http.Reply> turnedAway = replies.stream().filter(r -> r.status() == 503).toList();
        assertEquals(64, replies.stream().filter(r -> r.status() == 201).count() + turnedAway.size(),
                replies.stream().map(Http.Reply::status).toList().toString());
        assertFalse(turnedAway.isEmpty(), "64 hashes at once on 2 cores: the bulkhead of 4 turns some away");
        for (Http.Reply reply : turnedAway) {
            assertProblem(503, "/problems/overloaded", reply);
            assertEquals("1", reply.header("Retry-After").orElse(""));
        }
    }

    @Test
    void onePasswordSprayedOverManyNamesLocksTheSprayingAddress() {
        String sprayer = "127.0.0.5";
        for (int i = 0; i < 50; i++) { // flashsale.auth.throttle.address-free-attempts
            assertProblem(401, "/problems/invalid-credentials",
                    http().postFrom(sprayer, TOKEN, Accounts.json(fresh(), "Winter2026!")));
        }
        assertProblem(429, "/problems/too-many-login-attempts",
                http().postFrom(sprayer, TOKEN, Accounts.json(fresh(), "Winter2026!")));
        Accounts.Account account = accounts().newCustomer();
        assertProblem(429, "/problems/too-many-login-attempts",
                http().postFrom(sprayer, TOKEN, Accounts.json(account.username(), account.password())));
        assertEquals(200, http().post(TOKEN, Accounts.json(account.username(), account.password())).status(),
                "other addresses are not slowed");
    }

    @Test
    void customersReadOnlyTheirOwnOrders() {
        Accounts.Account owner = accounts().newCustomer();
        Accounts.Account other = accounts().newCustomer();
        long activity = new Activities(accounts().admin()).activity(3, 1);
        Http.Reply bought = http().as(owner.token()).post(Activities.purchasePath(activity), Activities.quantity(1));
        assertEquals(202, bought.status(), bought.body());
        String orderId = bought.json().getString("order_id");
        String path = "/api/v1/seckill/orders/" + orderId;
        Http asOwner = http().as(owner.token());

        Http.Reply mine = Await.until("the order writer stored the order", Duration.ofSeconds(60),
                () -> asOwner.get(path), reply -> reply.status() == 200);
        assertEquals(orderId, mine.json().getString("order_id"));
        assertEquals(owner.id(), mine.json().getJsonNumber("user_id").longValue());
        assertProblem(404, null, http().as(other.token()).get(path));
        assertEquals(200, accounts().admin().get(path).status(), "an admin reads every order");
        assertProblem(401, null, http().get(path));
        assertProblem(400, null, asOwner.get("/api/v1/seckill/orders/not-a-uuid"));
    }

    private static String secret() {
        return NothingSecretLogged.remember("pw-" + UUID.randomUUID());
    }

    private static String fresh() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static PrivateKey platformSigningKey() throws Exception {
        Secrets secrets = PlatformSession.platform().settings().secrets();
        String pem = Files.readString(secrets.directory().resolve(Secrets.SIGNING_KEY));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String sign(PrivateKey key, long userId, String username, Instant expiry) throws Exception {
        return sign(key, "flashsale", userId, username, expiry);
    }

    private static String sign(PrivateKey key, String audience, long userId, String username, Instant expiry)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder()
                        .issuer("flashsale")
                        .audience(audience)
                        .subject(Long.toString(userId))
                        .claim("upn", username)
                        .claim("groups", List.of("CUSTOMER"))
                        .issueTime(Date.from(expiry.minusSeconds(900)))
                        .expirationTime(Date.from(expiry))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
