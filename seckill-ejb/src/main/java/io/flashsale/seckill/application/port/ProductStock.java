package io.flashsale.seckill.application.port;

/**
 * The product context's stock, as an activity needs it: the units it sells are reserved from the product when the
 * activity is created (in the same transaction) and settled when it ends, the unsold ones going back.
 */
public interface ProductStock {

    /** Takes {@code units} off the product for the activity, under {@code reservationId}; refuses if there are fewer. */
    void reserveForActivity(long productId, String reservationId, int units);

    /** Ends the reservation: {@code soldUnits} stay sold, the rest return to the product. */
    void settle(String reservationId, int soldUnits);
}
