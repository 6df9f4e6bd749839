package io.github.msirt.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.model.ResponseMatrix;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pass on a real standalone cluster on loopback: a master and a worker in JVMs of their
 * own, executors started by the worker, and the test's classes reaching them through the
 * executor class path.
 */
class StandaloneClusterTest {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterTest.class);
  private static final Path CLUSTER_DIRECTORY = Path.of("target", "spark-cluster");
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Dspark.master.rest.enabled=false");
  private static final List<Process> DAEMONS = new ArrayList<>();
  private static SparkSession spark;

  @BeforeAll
  static void startCluster() throws IOException, InterruptedException {
    Files.createDirectories(CLUSTER_DIRECTORY.resolve("spark-home/jars"));
    Files.createDirectories(CLUSTER_DIRECTORY.resolve("work"));
    int port = freeLoopbackPort();
    String master = "spark://127.0.0.1:" + port;

    // Master and worker in JVMs of their own, every port on loopback
    DAEMONS.add(daemon("master", "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"));
    DAEMONS.add(daemon("worker", "org.apache.spark.deploy.worker.Worker", master,
        "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "2",
        "--memory", "1g", "--work-dir", CLUSTER_DIRECTORY.resolve("work").toString()));

    // Connect and wait for the executor to register
    spark = SparkTestBase.loopbackBuilder(master)
        .config("spark.executor.memory", "512m")
        .config("spark.executor.cores", "2")
        .config("spark.cores.max", "2")
        .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
        .config("spark.executorEnv.SPARK_LOCAL_IP", "127.0.0.1")
        .getOrCreate();
    waitForExecutor();
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    try {
      SparkTestBase.stop(spark);
    } finally {
      for (int d = DAEMONS.size() - 1; d >= 0; d--) {
        stopWithDescendants(DAEMONS.get(d));
      }
      DAEMONS.clear();
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Process daemon(String name, String mainClass, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(CLUSTER_DIRECTORY.resolve(name + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("SPARK_LOCAL_IP", "127.0.0.1");
    environment.put("SPARK_HOME", CLUSTER_DIRECTORY.resolve("spark-home").toAbsolutePath()
        .toString());
    environment.put("SPARK_SCALA_VERSION", "2.13");
    environment.put("SPARK_LOCAL_DIRS", CLUSTER_DIRECTORY.resolve("local").toAbsolutePath()
        .toString());
    return builder.start();
  }

  private static void waitForExecutor() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (spark.sparkContext().statusTracker().getExecutorInfos().length < 2) {
      for (Process daemon : DAEMONS) {
        assertTrue(daemon.isAlive(), "a cluster daemon exited; see " + CLUSTER_DIRECTORY);
      }
      assertTrue(System.nanoTime() < deadline, "no executor registered within 90 s; see "
          + CLUSTER_DIRECTORY.toAbsolutePath() + File.separator + "worker.log");
      Thread.sleep(200);
    }
  }

  private static void stopWithDescendants(Process daemon) throws InterruptedException {
    List<ProcessHandle> children = daemon.descendants().toList();
    daemon.destroy();
    if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
      daemon.destroyForcibly();
    }
    for (ProcessHandle child : children) {
      child.destroy();
    }
  }

  @Test
  void passesOnExecutorsInTheirOwnJvmsMatchTheInMemoryPass() {
    ResponseMatrix matrix = ResponseFrames.generated("case06");
    for (Compression compression : new Compression[] {Compression.NEVER, Compression.ALWAYS}) {
      try (SparkResponses source = SparkResponses.builder(
              ResponseFrames.frame(spark, matrix), matrix.items())
          .compression(compression)
          .driverPatternLimit(0)
          .partitions(4)
          .build()) {
        assertFalse(source.isOnDriver());
        SparkResponsesTest.checkAgainstInMemory(matrix, source,
            "standalone cluster, compression " + compression);
      }
    }
    LOG.info("passes ran on {} executor(s) of the standalone cluster",
        spark.sparkContext().statusTracker().getExecutorInfos().length - 1);
  }
}
