package io.flashsale.user.domain.model;

public enum Role { CUSTOMER, ADMIN }
