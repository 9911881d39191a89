package dev.fetchboard.build;

/** Facts about this build of Fetchboard; a leaf every package may use. */
public final class BuildInfo {
  private BuildInfo() {}

  /** The app version, from the jar manifest when packaged. */
  public static String version() {
    String v = BuildInfo.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }
}
