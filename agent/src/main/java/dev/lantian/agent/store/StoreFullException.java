package dev.lantian.agent.store;

/**
 * A write did not fit even after eviction (the disk or the database's page limit is full). Nothing
 * of the failed write was stored; everything committed before stays readable.
 */
public class StoreFullException extends StoreException {
    private final long storeBytes;

    public StoreFullException(String message, long storeBytes, Throwable cause) {
        super(message, cause);
        this.storeBytes = storeBytes;
    }

    /** The store's size (database pages plus write-ahead log) when the write failed. */
    public long storeBytes() {
        return storeBytes;
    }
}
