package dev.fetchboard.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.testing.TestRedis;
import org.junit.jupiter.api.Test;

class RedisTlsAclTest {

  @Test
  void anAclUserWithItsPasswordRunsCommands() throws Exception {
    try (var redis = TestRedis.withUser("alice", "s3cret");
        var h = new RedisRunnerHarness()) {
      redis.cli("RPUSH", "jobs", "a", "b");
      var s = RedisRunnerHarness.settings(redis.url(), "alice", "s3cret", null);
      assertThat(h.run(s, "LLEN", "jobs").value()).isEqualTo(2L);
      // The user can be in the URL too (redis://alice@host/0), the password apart.
      var inUrl =
          RedisRunnerHarness.settings(
              redis.url().replace("redis://", "redis://alice@"), null, "s3cret", null);
      assertThat(h.run(inUrl, "LLEN", "jobs").value()).isEqualTo(2L);
      assertThat(inUrl.describe()).doesNotContain("s3cret");
    }
  }

  @Test
  void aWrongPasswordIsWrongpassAndTheSecretIsNeverShown() throws Exception {
    try (var redis = TestRedis.withUser("alice", "s3cret");
        var h = new RedisRunnerHarness()) {
      var s = RedisRunnerHarness.settings(redis.url(), "alice", "not-it", null);
      String message = h.failure(s, false, "PING");
      assertThat(message).contains("WRONGPASS").contains("alice@127.0.0.1");
      assertThat(message).doesNotContain("not-it");
    }
  }

  @Test
  void tlsWithTheTestCaWorks() throws Exception {
    try (var redis = TestRedis.withTls();
        var h = new RedisRunnerHarness()) {
      redis.cli("SET", "secure", "yes");
      var s =
          RedisRunnerHarness.settings(
              redis.url(), null, null, TestRedis.tlsFile("ca.crt").toString());
      assertThat(s.tls()).isTrue();
      assertThat(h.run(s, "GET", "secure").value()).isEqualTo("yes");
    }
  }

  @Test
  void tlsWithAnotherCaIsRefusedInWords() throws Exception {
    try (var redis = TestRedis.withTls();
        var h = new RedisRunnerHarness()) {
      var s =
          RedisRunnerHarness.settings(
              redis.url(), null, null, TestRedis.tlsFile("other-ca.crt").toString());
      assertThat(h.failure(s, false, "PING"))
          .isEqualTo(
              "cannot connect to "
                  + redis.url()
                  + ": the server's certificate is not signed by a CA this app trusts (set"
                  + " sslrootcert to the CA's file)");
    }
  }

  @Test
  void plainRedisToATlsPortFailsInWords() throws Exception {
    try (var redis = TestRedis.withTls();
        var h = new RedisRunnerHarness()) {
      var s = RedisRunnerHarness.settings(redis.url().replace("rediss://", "redis://"));
      assertThat(h.failure(s, false, "PING")).startsWith("cannot connect to redis://localhost:");
    }
  }
}
