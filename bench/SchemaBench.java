import dev.fetchboard.sql.schema.SchemaCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;

/**
 * The schema catalog's benchmark: time to the list of schemas and to one schema's tables, each on
 * a fresh catalog (a cold read, as when a SQL panel is first edited), three rounds.
 *
 * <p>Run as a source-file program: {@code java -cp CLASSPATH bench/SchemaBench.java JDBC_URL
 * SCHEMA...}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/sample?user=fetchboard public wide}.
 */
public final class SchemaBench {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    SchemaCatalog.Opener opener =
        () -> {
          Connection c = DriverManager.getConnection(url);
          c.setReadOnly(true);
          return c;
        };
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      var catalog = new SchemaCatalog(opener);
      int schemas = catalog.schemas().names().size();
      long t1 = System.nanoTime();
      System.out.printf(
          Locale.ROOT, "round %d: schema list (%d schemas) %.0f ms%n", round, schemas, (t1 - t0) / 1e6);
      for (int i = 1; i < args.length; i++) {
        long s0 = System.nanoTime();
        var tables = catalog.tables(args[i]);
        long s1 = System.nanoTime();
        int columns = tables.tables().stream().mapToInt(t -> t.columns().size()).sum();
        System.out.printf(
            Locale.ROOT,
            "round %d: schema %s (%d tables, %d columns) %.0f ms%n",
            round,
            args[i],
            tables.tables().size(),
            columns,
            (s1 - s0) / 1e6);
      }
    }
  }
}
