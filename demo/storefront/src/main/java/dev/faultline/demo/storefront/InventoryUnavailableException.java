package dev.faultline.demo.storefront;

/**
 * Inventory could not answer: refused or reset connection, timeout, or a 5xx status. The circuit
 * breaker counts it as a failure; a 404 for an unknown product is not one.
 */
public class InventoryUnavailableException extends RuntimeException {

    public InventoryUnavailableException(String message) {
        super(message);
    }

    public InventoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
