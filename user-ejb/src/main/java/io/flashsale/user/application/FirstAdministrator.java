package io.flashsale.user.application;

import io.flashsale.user.domain.model.Password;
import io.flashsale.user.domain.model.Role;
import io.flashsale.user.domain.model.UserRepository;
import io.flashsale.user.domain.model.Username;
import io.flashsale.user.domain.model.UsernameTakenException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the first administrator at start-up from {@code SECKILL_ADMIN_USERNAME} / {@code SECKILL_ADMIN_PASSWORD}
 * (MicroProfile Config: {@code seckill.admin.username} / {@code seckill.admin.password}). There is no default
 * password; an existing account is left as it is.
 */
@Singleton
@Startup
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    Config config;

    @Inject
    UserRepository users;

    @Inject
    UserRegistrationService registration;

    @PostConstruct
    void createIfConfigured() {
        Optional<String> username = config.getOptionalValue("seckill.admin.username", String.class);
        Optional<String> password = config.getOptionalValue("seckill.admin.password", String.class);
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warning("SECKILL_ADMIN_USERNAME / SECKILL_ADMIN_PASSWORD are not set: no administrator is created");
            return;
        }
        Username name = new Username(username.get());
        if (users.findByUsername(name).isPresent()) {
            return;
        }
        try {
            registration.register(name, Password.chosen(password.get()), Role.ADMIN);
            LOG.info("created the first administrator '" + name + "'");
        } catch (UsernameTakenException raced) {
            // another instance created it at the same moment
        }
    }
}
