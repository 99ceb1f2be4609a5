package dev.lantian.agent.store;

/** The store could not do what was asked; the message names the file and what was being done. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
