package io.github.msirt.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Opens one small local Spark session, bound to loopback, for the test classes of a suite. */
public abstract class SparkTestBase {
  /** The session shared by the tests of one class. */
  protected static SparkSession spark;

  @BeforeAll
  protected static void startSpark() {
    spark = localSession("local[2]");
  }

  @AfterAll
  protected static void stopSpark() {
    stop(spark);
    spark = null;
  }

  /**
   * @param master a local master URL such as {@code local[2]} or {@code local[2,4]}
   * @return a session with its driver on 127.0.0.1 and no web UI
   */
  protected static SparkSession localSession(String master) {
    return loopbackBuilder(master).getOrCreate();
  }

  /**
   * @param master any master URL
   * @return a builder with loopback addresses, no UI and few shuffle partitions
   */
  protected static SparkSession.Builder loopbackBuilder(String master) {
    return SparkSession.builder()
        .master(master)
        .appName("msirt-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4");
  }

  /**
   * Stops a session and forgets it, so the next class can open another.
   *
   * @param session the session, or {@code null}
   */
  protected static void stop(SparkSession session) {
    if (session != null) {
      session.stop();
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
