package io.flashsale.seckill.domain.model.payment;

public interface ProviderCallbacks {

    /** Records a callback in the caller's transaction; false when one with this signature was recorded before. */
    boolean recordFirst(ProviderCallback callback, String signature);
}
