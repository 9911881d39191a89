package dev.fetchboard.sql;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/**
 * Puts a failed TLS check into words: which check failed (the CA, the host name, the dates) and
 * which setting it comes from, instead of the JDK's message, which names its own classes.
 */
final class TlsFailures {
  private TlsFailures() {}

  /** A plain message when {@code e} is a TLS failure, else null. */
  static String describe(Throwable e, ConnectionSettings where) {
    String target = where.host() + ":" + where.port();
    String mode = "sslmode " + where.sslmode();
    SSLException ssl = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.startsWith("The hostname ") && m.contains("could not be verified")) {
        // pgjdbc's own check for verify-full, after the handshake.
        return "cannot connect to "
            + target
            + ": the server's TLS certificate is not made out to '"
            + where.host()
            + "' ("
            + mode
            + " checks the host name; connect by a name the certificate lists)";
      }
      if (t instanceof CertificateExpiredException
          || t instanceof CertificateNotYetValidException) {
        return "cannot connect to "
            + target
            + ": the server's TLS certificate is outside its validity dates ("
            + mode
            + ")";
      }
      if (t instanceof CertificateException) {
        return "cannot connect to "
            + target
            + ": the server's TLS certificate is not signed by "
            + (where.sslrootcert() == null
                ? "a CA in the default root certificate file"
                : "the CA in sslrootcert " + where.sslrootcert())
            + ", so it cannot be trusted ("
            + mode
            + ")";
      }
      if (t instanceof SSLException found && ssl == null) {
        ssl = found;
      }
    }
    if (ssl == null) {
      return null;
    }
    return "cannot connect to " + target + ": TLS failed (" + plain(ssl.getMessage()) + ")";
  }

  /** The message without the Java class names the JDK puts in front of its parts. */
  private static String plain(String message) {
    if (message == null) {
      return "no reason given";
    }
    return message.replaceAll(
        "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*:\\s*", "");
  }
}
