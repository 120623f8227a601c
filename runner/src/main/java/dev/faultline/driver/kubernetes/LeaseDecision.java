package dev.faultline.driver.kubernetes;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to "may this run lock these targets?", with the reason when it may not.
 *
 * @param lease the Lease's name ({@link RunLease#leaseName})
 * @param holder who holds the lock now: this run when acquired, the other run when refused
 * @param expires when the holder's claim runs out unless renewed
 * @param reason one sentence for the pre-flight report
 */
public record LeaseDecision(boolean acquired, String namespace, String lease, String holder, Instant expires,
                            String reason) {

    public LeaseDecision {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(reason, "reason");
    }

    static LeaseDecision acquired(String namespace, String lease, String holder, Instant expires) {
        return new LeaseDecision(true, namespace, lease, holder, expires, "run lock [" + namespace + "/" + lease
                + "] held by [" + holder + "] until [" + expires + "]");
    }

    static LeaseDecision refused(String namespace, String lease, String holder, Instant expires, String reason) {
        return new LeaseDecision(false, namespace, lease, holder, expires, reason);
    }
}
