package dev.fetchboard.sql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which queries returned no more rows than the first fetch holds last time they ran. Such
 * a query runs next time as a single statement in one round trip, without the cursor transaction
 * that lets a large result stream in (BEGIN with the query, then COMMIT: two round trips for a
 * point query). Should its result have grown, that one run receives it whole (at most the row cap)
 * instead of streamed, and the next run streams again.
 */
final class SmallResults {
  private static final int MAX_REMEMBERED = 4096;

  private record Query(String connection, String sql) {}

  private final Set<Query> small = ConcurrentHashMap.newKeySet();

  boolean contains(String connection, String sql) {
    return small.contains(new Query(connection, sql));
  }

  void note(String connection, String sql, boolean fitsTheFirstFetch) {
    var query = new Query(connection, sql);
    if (!fitsTheFirstFetch) {
      small.remove(query);
    } else if (!small.contains(query)) {
      if (small.size() >= MAX_REMEMBERED) {
        // Forgetting only costs the next run of each query its second round trip.
        small.clear();
      }
      small.add(query);
    }
  }
}
