package io.flashsale.user.domain.model;

/** A slow, salted one-way hash; the stored form carries its own parameters. */
public interface PasswordHasher {

    String hash(Password password);

    boolean matches(Password password, String storedHash);
}
