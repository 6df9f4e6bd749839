package io.github.msirt.diagnostics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a local file in headless Chromium (Debian package {@code chromium}) with networking
 * features off and a fresh profile, and returns the serialised DOM and the page's console
 * messages. Chromium logs every console message, whatever its level, on standard error as
 * {@code ...:CONSOLE:<line>] "<message>", source: <url> (<line>)}.
 */
final class HeadlessChromium {
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium");

  private HeadlessChromium() {
  }

  /** What Chromium saw. */
  record Page(String dom, List<String> consoleMessages, int exitCode) {
  }

  /**
   * @return the Chromium executable
   * @throws AssertionError naming the package to install when none is found
   */
  static Path executable() {
    for (String candidate : CANDIDATES) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path onPath = Path.of(directory, "chromium");
      if (!directory.isEmpty() && Files.isExecutable(onPath)) {
        return onPath;
      }
    }
    throw new AssertionError("headless Chromium is needed to check report.html but was not "
        + "found at " + CANDIDATES + " or on the PATH; install the Debian package with "
        + "'apt-get install -y chromium'");
  }

  /**
   * @param file the page to open
   * @param work a scratch folder for the profile and Chromium's output
   * @return the DOM after load and the console messages
   */
  static Page open(Path file, Path work) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path dom = work.resolve("dom.html");
    Path log = work.resolve("chromium.log");
    List<String> command = new ArrayList<>(List.of(executable().toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
        file.toUri().toString()));
    Process process = new ProcessBuilder(command).redirectOutput(dom.toFile())
        .redirectError(log.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 90 s opening " + file);
    }
    List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains(":CONSOLE")).toList();
    return new Page(Files.readString(dom, StandardCharsets.UTF_8), console,
        process.exitValue());
  }
}
