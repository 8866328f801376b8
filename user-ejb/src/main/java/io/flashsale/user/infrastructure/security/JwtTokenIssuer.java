package io.flashsale.user.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flashsale.user.application.IssuedToken;
import io.flashsale.user.application.port.TokenIssuer;
import io.flashsale.user.application.port.TokenRevocations;
import io.flashsale.user.domain.model.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * RS256-signed MicroProfile JWTs: {@code sub} is the user id, {@code upn} the username, {@code groups} the role.
 * The web layer's {@code BearerTokenVerifier} checks them with the public key {@code mp.jwt.verify.publickey} and the
 * same issuer.
 */
@ApplicationScoped
public class JwtTokenIssuer implements TokenIssuer {

    @Inject
    @ConfigProperty(name = "flashsale.auth.signing-key")
    String signingKeyPem;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** The audience every token names and the web layer requires (the MP-JWT key). */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "flashsale")
    String audience;

    @Inject
    @ConfigProperty(name = "flashsale.auth.token-lifetime-seconds", defaultValue = "900")
    long lifetimeSeconds;

    @Inject
    TokenRevocations revocations;

    private RSASSASigner signer;

    @PostConstruct
    void loadKey() {
        try {
            String base64 = signingKeyPem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            signer = new RSASSASigner(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("flashsale.auth.signing-key is not a PKCS#8 PEM RSA private key", e);
        }
    }

    @Override
    public IssuedToken issueFor(User user) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.id().toString())
                .claim("upn", user.username())
                .claim("groups", List.of(user.role().name()))
                // never below a revocation already published (its transaction may not have committed)
                .claim("ver", Math.max(user.tokenVersion(), revocations.minimumVersion(user.id())))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), lifetimeSeconds);
    }
}
