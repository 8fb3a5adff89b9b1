package org.closer.jobs;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test JVM (Surefire runs one JVM per module). Opened through
 * the same code as the command line, so the CLI's getOrCreate finds and reuses it.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.open("local[2]", false);
      SparkSessions.sizeShuffles(session, 0);
    }
    return session;
  }
}
