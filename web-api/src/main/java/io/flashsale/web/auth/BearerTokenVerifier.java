package io.flashsale.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Verifies the platform's RS256 bearer tokens with nimbus-jose-jwt: signature with the public key (parsed once, at
 * start), {@code typ} JWT, issuer, audience, expiry (with {@value #CLOCK_SKEW_SECONDS} s of clock skew between
 * instances), and the claims a caller is made of. It reads the MicroProfile JWT configuration keys
 * ({@code mp.jwt.verify.publickey}, {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences}), so the platform
 * is configured as an MP-JWT one is. Revocation is decided after it, on every request ({@link BearerTokenFilter}).
 *
 * <p>A token that verified is remembered until it expires, keyed by its whole text (signature included), so that a
 * buyer's next requests cost a map lookup instead of an RSA verification (that was a fifth of a purchase's CPU).
 */
@ApplicationScoped
public class BearerTokenVerifier {

    private static final Set<String> REQUIRED_CLAIMS = Set.of("sub", "upn", "groups", "exp", "iss", "aud", "jti");

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    String publicKeyPem;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "flashsale")
    String audience;

    private static final int MAX_REMEMBERED = 50_000;
    static final int CLOCK_SKEW_SECONDS = 5;

    private record Verified(VerifiedToken token, long expiresAtMillis) {
    }

    private ConfigurableJWTProcessor<SecurityContext> processor;
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();

    @PostConstruct
    void loadKey() {
        RSAPublicKey key;
        try {
            String base64 = publicKeyPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("mp.jwt.verify.publickey is not a PEM RSA public key", e);
        }
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        jwt.setJWSKeySelector(new SingleKeyJWSKeySelector<>(JWSAlgorithm.RS256, key));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED_CLAIMS);
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        jwt.setJWTClaimsSetVerifier(claims);
        processor = jwt;
    }

    public VerifiedToken verify(String token) throws InvalidTokenException {
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.expiresAtMillis()) {
                return known.token();
            }
            verified.remove(token);
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            List<String> groups = claims.getStringListClaim("groups");
            Caller caller = new Caller(Long.parseLong(claims.getSubject()), claims.getStringClaim("upn"),
                    new HashSet<>(groups));
            Integer version = claims.getIntegerClaim("ver");
            VerifiedToken verifiedToken = new VerifiedToken(caller, version == null ? 0 : version, claims.getJWTID(),
                    claims.getExpirationTime().toInstant());
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear(); // a flood of distinct tokens: start over rather than grow without bound
            }
            verified.put(token, new Verified(verifiedToken,
                    claims.getExpirationTime().getTime() + CLOCK_SKEW_SECONDS * 1000L));
            return verifiedToken;
        } catch (ParseException | BadJOSEException | JOSEException | NumberFormatException e) {
            throw new InvalidTokenException("bearer token rejected: " + e.getMessage(), e);
        }
    }
}
