package io.flashsale.seckill.infrastructure.scheduling;

import io.flashsale.seckill.application.port.ClusterLease;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The lease is a row in MySQL taken with a conditional UPDATE (free, expired, or already ours), so exactly one
 * instance wins whatever the interleaving; the database is the one thing all instances share anyway.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DatabaseClusterLease implements ClusterLease {

    /**
     * This JVM: one holder id per instance of the application, led by the Payara instance's name ({@code server} for
     * the DAS, {@code flashsale-2} in a deployment group) so that an operator reading the row sees who holds it.
     */
    private static final String INSTANCE = String.format("%.27s/%s",
            System.getProperty("com.sun.aas.instanceName", "server"), UUID.randomUUID()); // fits the 64 of the column

    @PersistenceContext(unitName = "seckill")
    EntityManager em;

    @Override
    public boolean hold(String job, Duration length) {
        Instant now = Instant.now();
        if (em.find(JobLease.class, job) == null) {
            em.createNativeQuery("INSERT IGNORE INTO seckill_job_lease (job, holder, lease_until) VALUES (?, '', ?)")
                    .setParameter(1, job)
                    .setParameter(2, Timestamp.from(Instant.EPOCH.plusSeconds(86_400)))
                    .executeUpdate();
        }
        return em.createQuery("update JobLease l set l.holder = :me, l.leaseUntil = :until"
                        + " where l.job = :job and (l.leaseUntil < :now or l.holder = :me)")
                .setParameter("me", INSTANCE)
                .setParameter("until", now.plus(length))
                .setParameter("job", job)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
