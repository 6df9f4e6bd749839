package io.github.msirt.io;

import org.apache.spark.sql.SparkSession;

/**
 * Gives tests one small local Spark session, bound to the loopback address, shared by every
 * test class in the JVM and stopped when the JVM exits.
 */
public abstract class SparkTestBase {
  private static SparkSession session;

  /** @return the shared session, started on first use */
  protected static synchronized SparkSession spark() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("msirt-tests")
          .master("local[2]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
