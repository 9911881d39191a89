package dev.fetchboard.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Creates the sample shop database once: customers, products, a million orders (so streaming
 * shows), and timestamped events. Everything is generated in SQL, in one transaction, so a crash
 * half-way leaves nothing half-made and the next start simply tries again.
 */
public final class SampleDatabase {
  /** The database name of the sample. */
  public static final String NAME = "sample";

  /**
   * The role panels connect as: it owns the sample database and its tables but is no superuser. A
   * workspace is a file people share, and a superuser's query can run programs on the server
   * ({@code copy … to program}) or read its files, as the user running Fetchboard.
   */
  public static final String ROLE = "fetchboard";

  /**
   * The role panels that only read connect as: it may select from the sample's tables (and those
   * made later by {@link #ROLE}) and nothing else, so a shared workspace's read panel cannot change
   * data whatever its SQL says.
   */
  public static final String READER = "fetchboard_reader";

  /** Raised when the generated data changes, so an older sample is made again on the next start. */
  private static final int VERSION = 2;

  private SampleDatabase() {}

  /**
   * Makes sure the sample exists in the server at {@code adminUrl}'s host.
   *
   * @param orders how many orders to generate (a million for the app; fewer in tests)
   * @return true when it was created now, false when it was there already
   */
  public static boolean ensure(String adminUrl, String sampleUrl, Properties props, int orders)
      throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl, props);
        Statement s = admin.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + NAME + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("create database " + NAME);
      }
      // The role itself is made with its password by ServerLogin, before this.
      s.execute("alter database " + NAME + " owner to " + ROLE);
    }
    try (Connection c = DriverManager.getConnection(sampleUrl, props);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select to_regclass('public.fetchboard_sample') is not null")) {
        rs.next();
        if (rs.getBoolean(1)) {
          try (ResultSet v = s.executeQuery("select max(version) from fetchboard_sample")) {
            if (v.next() && v.getInt(1) >= VERSION) {
              // Tables an older Fetchboard (panels as the superuser) or a benchmark made, and
              // the read-only role an older Fetchboard did not have. One transaction: a second
              // Fetchboard waiting for the sample sees it complete or not at all.
              c.setAutoCommit(false);
              s.execute(HAND_OVER_TABLES);
              grantReading(s);
              c.commit();
              return false;
            }
          }
        }
      }
      c.setAutoCommit(false);
      for (String sql : script(orders)) {
        s.execute(sql);
      }
      // In the same transaction: a second Fetchboard waiting for the sample sees it complete.
      s.execute(HAND_OVER_TABLES);
      grantReading(s);
      c.commit();
      c.setAutoCommit(true);
      s.execute("analyze");
      return true;
    }
  }

  /**
   * Gives the panels' role every table, view and materialised view in the public schema (the
   * sample's, and any a user or benchmark made there as the superuser); indexes and sequences that
   * belong to a table follow it.
   */
  private static final String HAND_OVER_TABLES =
      "do $$ declare r record; begin for r in select c.relname, case c.relkind"
          + " when 'v' then 'view' when 'm' then 'materialized view'"
          + " when 'f' then 'foreign table' else 'table' end as kind from pg_class c"
          + " where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')"
          + " and pg_get_userbyid(c.relowner) <> '"
          + ROLE
          + "' loop execute format('alter %s public.%I owner to "
          + ROLE
          + "', r.kind, r.relname); end loop; end $$";

  /**
   * Lets the read-only role select from every table, view and sequence in the public schema, and
   * from those the owner makes there later; it gets no other privilege.
   */
  private static void grantReading(Statement s) throws SQLException {
    s.execute("grant connect on database " + NAME + " to " + READER);
    // Not even temporary tables: everyone may make them by default.
    s.execute("revoke temporary on database " + NAME + " from public");
    s.execute("grant usage on schema public to " + READER);
    s.execute("grant select on all tables in schema public to " + READER);
    s.execute("grant select on all sequences in schema public to " + READER);
    s.execute(
        "alter default privileges for role "
            + ROLE
            + " in schema public grant select on tables to "
            + READER);
    s.execute(
        "alter default privileges for role "
            + ROLE
            + " in schema public grant select on sequences to "
            + READER);
  }

  private static String[] script(int orders) {
    return new String[] {
      "drop table if exists customers, products, orders, events, fetchboard_sample cascade",
      """
      create table customers (
        id int primary key, name text not null, email text not null, city text not null,
        created_at timestamptz not null)""",
      """
      insert into customers
      select i, 'Customer ' || i, 'customer' || i || '@example.com',
             (array['Oslo','Lisbon','Austin','Kyoto','Nairobi','Lima','Berlin','Toronto'])[1 + i % 8],
             now() - (i || ' minutes')::interval
      from generate_series(1, 20000) i""",
      """
      create table products (
        id int primary key, sku text not null unique, name text not null,
        price numeric(10,2) not null, tags text[] not null, attributes jsonb not null)""",
      """
      insert into products
      select i, 'SKU-' || lpad(i::text, 6, '0'), 'Product ' || i,
             round((5 + (i * 37 % 500) + (i % 100) / 100.0)::numeric, 2),
             array['tag' || (i % 5), 'tag' || (i % 7)],
             jsonb_build_object('color', (array['red','green','blue'])[1 + i % 3], 'weight', i % 20)
      from generate_series(1, 2000) i""",
      """
      create table orders (
        id bigint primary key, customer_id int not null, product_id int not null,
        quantity int not null, total numeric(12,2) not null, status text not null,
        created_at timestamptz not null)""",
      "insert into orders select i, 1 + (i * 7919) % 20000, 1 + (i * 104729) % 2000, 1 + i % 5,"
          // A weekly pattern in the totals and statuses in unequal shares, so the sample's
          // charts have a shape to show.
          + " ((1 + i % 5) * (5 + (i * 37 % 500)) * (1 + ((i % 525600) / 1440 % 7) / 6.0))"
          + "::numeric(12,2),"
          + " case when (i * 31) % 20 < 9 then 'shipped' when (i * 31) % 20 < 15 then 'paid'"
          + " when (i * 31) % 20 < 18 then 'open' else 'cancelled' end,"
          + " now() - ((i % 525600) || ' minutes')::interval"
          + " from generate_series(1::bigint, "
          + orders
          + ") i",
      "create index orders_created_at on orders (created_at)",
      "create index orders_status on orders (status)",
      """
      create table events (
        id bigint primary key, at timestamptz not null, kind text not null,
        duration interval not null, payload jsonb not null)""",
      """
      insert into events
      select i, now() - ((i * 13) || ' seconds')::interval,
             (array['login','search','checkout','error'])[1 + (i * 17) % 4],
             ((i % 900) || ' milliseconds')::interval,
             jsonb_build_object('session', md5(i::text), 'ok', i % 10 <> 0)
      from generate_series(1, 100000) i""",
      "create index events_at on events (at)",
      "create table fetchboard_sample (version int not null, created_at timestamptz not null"
          + " default now())",
      "insert into fetchboard_sample (version) values (" + VERSION + ")"
    };
  }
}
