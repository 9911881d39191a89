package dev.fetchboard.redis;

import java.util.List;

/**
 * One command for one panel run: its words as redis-cli takes them ({@code [LLEN, jobs]}), whether
 * commands that may write are allowed, and how many rows a result keeps.
 */
record RedisRequest(List<String> command, boolean allowWrites, int maxRows) {
  RedisRequest {
    command = List.copyOf(command);
  }
}
