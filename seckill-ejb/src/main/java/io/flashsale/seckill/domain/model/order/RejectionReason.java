package io.flashsale.seckill.domain.model.order;

/** Why the order writer turned an accepted purchase into a REJECTED order instead of a confirmed one. */
public enum RejectionReason {
    /** The sale was settled (its unsold units went back to the product) before the purchase reached MySQL. */
    SALE_SETTLED,
    /** MySQL has fewer units left for the sale than the purchase holds (Redis and MySQL disagreed). */
    UNITS_UNAVAILABLE,
    /** The buyer already has a live order in this sale (Redis lost the first one). */
    BUYER_HAS_LIVE_ORDER,
    /** Anything else that failed on every attempt; the server log has the error. */
    UNWRITABLE;

    /** As the order read shows it: {@code sale-settled}, {@code units-unavailable}... */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
