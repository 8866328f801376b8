package io.flashsale.seckill.infrastructure.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row per periodic job: which instance holds it until when. Written with conditional updates only. */
@Entity
@Table(name = "seckill_job_lease")
public class JobLease {

    @Id
    @Column(length = 64)
    private String job;

    @Column(nullable = false, length = 64)
    private String holder;

    @Column(name = "lease_until", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant leaseUntil;

    protected JobLease() {
    }

    JobLease(String job, String holder, Instant leaseUntil) {
        this.job = job;
        this.holder = holder;
        this.leaseUntil = leaseUntil;
    }
}
