package org.closer.jobs.cli;

import picocli.CommandLine;

/** Versions for --version and the manifest. */
public final class Versions implements CommandLine.IVersionProvider {
  public static String closer() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static String spark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"closer " + closer(), "spark " + spark(), "java " + System.getProperty("java.version")};
  }
}
