package io.flashsale.web;

/** The roles carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String CUSTOMER = "CUSTOMER";

    private Roles() {
    }
}
