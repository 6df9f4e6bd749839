package io.github.msirt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook example runs end to end on the bundled ICAR data. */
class NotebookExampleTest {
  @TempDir
  Path folder;

  @Test
  void theExampleCalibratesScoresSavesAndReloads() throws Exception {
    NotebookExample.main(new String[] {"testdata/icar-mixed", folder.toString()});

    Path calibration = folder.resolve("calibration");
    JsonNode metadata = new ObjectMapper().readTree(
        calibration.resolve("metadata.json").toFile());
    assertEquals("msirt-calibration", metadata.path("format").asText());
    assertEquals(16, metadata.path("items").size());
    assertEquals(496, metadata.path("sizes").path("observedRespondents").asInt());
    assertEquals(509, metadata.path("sizes").path("generatedRespondents").asInt());
    assertEquals("crossfit", metadata.path("tuner").asText());
    assertTrue(metadata.path("diagnostics").path("converged").asBoolean());
    assertTrue(Files.isDirectory(calibration.resolve("item_parameters")));
  }
}
