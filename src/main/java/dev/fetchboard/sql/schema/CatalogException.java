package dev.fetchboard.sql.schema;

/** A schema that could not be read, with a message a person can act on. */
public final class CatalogException extends Exception {
  public CatalogException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
