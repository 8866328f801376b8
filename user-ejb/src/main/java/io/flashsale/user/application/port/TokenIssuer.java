package io.flashsale.user.application.port;

import io.flashsale.user.application.IssuedToken;
import io.flashsale.user.domain.model.User;

/** Signs short-lived bearer tokens that the web tier verifies without a database round trip. */
public interface TokenIssuer {

    IssuedToken issueFor(User user);
}
