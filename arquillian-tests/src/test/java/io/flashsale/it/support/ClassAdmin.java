package io.flashsale.it.support;

/**
 * The administrator of one test class, signed in on first use and kept for the class's tests (held in a static
 * field: JUnit makes an instance per test). Not shared by the whole run, whose length a token would not outlive.
 */
public final class ClassAdmin {

    private Http admin;

    public synchronized Http get() {
        if (admin == null) {
            admin = new Accounts(new Http(PlatformSession.serverUrl().toString())).admin();
        }
        return admin;
    }
}
