package dev.fetchboard.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file's bytes: tells our own content from another program's. */
public record Fingerprint(String sha256) {
  public static Fingerprint of(byte[] content) {
    try {
      return new Fingerprint(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
