package dev.fetchboard.interop;

/** The formats Fetchboard can import. */
public enum ImportFormat {
  CURL,
  POSTMAN,
  HTTP,
  OPENAPI
}
