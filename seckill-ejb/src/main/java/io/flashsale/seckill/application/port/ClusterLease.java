package io.flashsale.seckill.application.port;

import java.time.Duration;

/** Lets one instance of a cluster run a periodic job: whoever holds the named lease runs it. */
public interface ClusterLease {

    /** True when this instance holds (took or renewed) the lease for {@code length} from now. */
    boolean hold(String job, Duration length);
}
