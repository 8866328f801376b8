package io.flashsale.platform.dataservices;

/** A server the platform needs, started and stopped by the platform (embedded) or merely used (external). */
public interface DataService {

    String name();

    /** host:port clients use. */
    String endpoint();

    void start() throws Exception;

    /** Stops the server and waits until it is gone; safe to call when it is not running. */
    void stop();

    boolean running();
}
