package dev.fetchboard;

/** Entry point. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.out.println("fetchboard " + String.join(" ", args));
  }
}
