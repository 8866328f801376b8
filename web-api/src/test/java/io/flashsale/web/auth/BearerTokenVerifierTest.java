package io.flashsale.web.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BearerTokenVerifierTest {

    private KeyPair platform;
    private BearerTokenVerifier verifier;

    @BeforeEach
    void platformKeys() throws Exception {
        platform = rsa();
        verifier = new BearerTokenVerifier();
        verifier.publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(platform.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        verifier.issuer = "flashsale";
        verifier.audience = "flashsale";
        verifier.loadKey();
    }

    @Test
    void aTokenOfThePlatformNamesItsCaller() throws Exception {
        VerifiedToken token = verifier.verify(token(platform.getPrivate(), "flashsale", "42",
                Instant.now().plusSeconds(60)));
        assertEquals(new Caller(42, "alice", Set.of("CUSTOMER")), token.caller());
        assertEquals(0, token.version(), "a token without a version claim is of version 0");
        assertEquals(token.caller(), verifier.verify(token(platform.getPrivate(), "flashsale", "42",
                Instant.now().plusSeconds(60))).caller(), "a second token of the same caller");
    }

    @Test
    void foreignExpiredTamperedAndUnsignedTokensAreRejected() throws Exception {
        assertThrows(InvalidTokenException.class, () -> verifier.verify(
                token(rsa().getPrivate(), "flashsale", "42", Instant.now().plusSeconds(60))));
        assertThrows(InvalidTokenException.class, () -> verifier.verify(
                token(platform.getPrivate(), "flashsale", "42", Instant.now().minusSeconds(120))));
        assertThrows(InvalidTokenException.class, () -> verifier.verify(
                token(platform.getPrivate(), "someone-else", "42", Instant.now().plusSeconds(60))));
        assertThrows(InvalidTokenException.class, () -> verifier.verify(
                token(platform.getPrivate(), "flashsale", "another-service", "42", Instant.now().plusSeconds(60))),
                "a token for another audience");
        assertThrows(InvalidTokenException.class, () -> verifier.verify(
                token(platform.getPrivate(), "flashsale", null, "42", Instant.now().plusSeconds(60))),
                "a token for no audience");
        String good = token(platform.getPrivate(), "flashsale", "42", Instant.now().plusSeconds(60));
        String[] parts = good.split("\\.");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("CUSTOMER", "ADMIN").getBytes());
        assertThrows(InvalidTokenException.class, () -> verifier.verify(parts[0] + "." + promoted + "." + parts[2]));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertThrows(InvalidTokenException.class, () -> verifier.verify(none + "." + parts[1] + "."));
        assertThrows(InvalidTokenException.class, () -> verifier.verify("not-a-jwt"));
    }

    @Test
    void aRememberedTokenIsRejectedOnceItExpired() throws Exception {
        // expired a moment ago, still inside the clock skew allowed between instances: accepted and remembered
        // (exp is whole seconds: 1.5 s inside the skew is at least 0.5 s inside it once truncated)
        String expiring = token(platform.getPrivate(), "flashsale", "7",
                Instant.now().minusSeconds(BearerTokenVerifier.CLOCK_SKEW_SECONDS).plusMillis(1500));
        assertEquals(7, verifier.verify(expiring).caller().userId());
        assertEquals(7, verifier.verify(expiring).caller().userId(), "remembered");
        Thread.sleep(2000);
        assertThrows(InvalidTokenException.class, () -> verifier.verify(expiring),
                "remembered no longer than a first verification would accept it");
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String token(PrivateKey key, String issuer, String subject, Instant expiry) throws Exception {
        return token(key, issuer, "flashsale", subject, expiry);
    }

    private static String token(PrivateKey key, String issuer, String audience, String subject, Instant expiry)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject(subject)
                        .jwtID(UUID.randomUUID().toString());
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims
                        .claim("upn", "alice")
                        .claim("groups", List.of("CUSTOMER"))
                        .expirationTime(Date.from(expiry))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
