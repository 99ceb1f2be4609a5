package dev.lantian.simulator.demo;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a real component (broker, subscriber) by polling a condition until a deadline. */
public final class Await {
    private Await() {
    }

    /** True once {@code condition} holds; false when {@code limit} passed first. */
    public static boolean until(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
