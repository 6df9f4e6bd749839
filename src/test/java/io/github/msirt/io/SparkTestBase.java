package io.github.msirt.io;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Gives the tests of a class one small local Spark session, bound to the loopback address
 * and without a web UI. The session is stopped and forgotten after the class, so that test
 * classes needing another master start their own.
 */
public abstract class SparkTestBase {
  private static SparkSession session;

  @BeforeAll
  static void startSpark() {
    session = SparkSession.builder()
        .appName("msirt-io-tests")
        .master("local[2]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (session != null) {
      session.stop();
    }
    session = null;
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  /** @return the session of the running test class */
  protected static SparkSession spark() {
    return session;
  }
}
