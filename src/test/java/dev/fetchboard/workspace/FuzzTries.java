package dev.fetchboard.workspace;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Runs a fuzzing property more times on demand: {@code -Dfetchboard.fuzz.tries=100000} (the suite
 * runs the few thousand the annotation says).
 */
public final class FuzzTries implements AroundPropertyHook {
  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    String tries = System.getProperty("fetchboard.fuzz.tries");
    if (tries != null && !tries.isBlank()) {
      context.attributes().setTries(Integer.parseInt(tries.trim()));
    }
    return property.execute();
  }
}
