package io.flashsale.user.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant createdAt;

    /** Carried by every token issued to the user; raising it revokes all the tokens issued before. */
    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    /** Set when an administrator removed the account: it cannot log in, its tokens were revoked. */
    @Column(name = "disabled_at", columnDefinition = "DATETIME(6)")
    private Instant disabledAt;

    protected User() {
    }

    public User(Username username, String passwordHash, Role role) {
        this.username = username.value();
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = Instant.now();
    }

    public UserId id() {
        return new UserId(id);
    }

    public String username() {
        return username;
    }

    public boolean hasPassword(Password password, PasswordHasher hasher) {
        return hasher.matches(password, passwordHash);
    }

    public Role role() {
        return role;
    }

    public int tokenVersion() {
        return tokenVersion;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    /** A new role takes effect at once: the tokens that carry the old one are revoked. False if it had it. */
    public boolean changeRole(Role newRole) {
        if (newRole == role) {
            return false;
        }
        role = newRole;
        tokenVersion++;
        return true;
    }

    /** Removes the account from use (its orders stay): no login, and its tokens are revoked. */
    public boolean disable(Instant now) {
        if (disabledAt != null) {
            return false;
        }
        disabledAt = now;
        tokenVersion++;
        return true;
    }
}
