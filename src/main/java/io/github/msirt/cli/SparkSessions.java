package io.github.msirt.cli;

import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * The Spark session of one command: an existing session is reused and left running (in
 * tests, or when embedded), a new one is started and stopped by {@link #close()}.
 */
final class SparkSessions implements AutoCloseable {
  private static final String LOCAL = "local[*]";

  private final SparkSession session;
  private final boolean owned;

  private SparkSessions(SparkSession session, boolean owned) {
    this.session = session;
    this.owned = owned;
  }

  /**
   * @param master the master asked for, or {@code null} for spark-submit's or local[*]
   * @param appName the application name
   * @return the sessions holder
   */
  static SparkSessions open(String master, String appName) {
    Option<SparkSession> existing = SparkSession.getDefaultSession();
    if (existing.isDefined()) {
      return new SparkSessions(existing.get(), false);
    }
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master(LOCAL);
    }
    return new SparkSessions(builder.getOrCreate(), true);
  }

  /** @return the session */
  SparkSession session() {
    return session;
  }

  /** Stops the session if this holder started it. */
  @Override
  public void close() {
    if (owned) {
      session.stop();
    }
  }
}
