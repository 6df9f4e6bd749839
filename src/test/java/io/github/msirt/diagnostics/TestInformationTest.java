package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.msirt.model.ItemParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestInformationTest {

  @Test
  void oneItemAtItsDifficultyHasInformationAQuarterASquared() {
    ItemParameters item = new ItemParameters(List.of("i1"), new double[] {1}, new double[] {0});

    TestInformation curve = TestInformation.at(item, new double[] {0});

    assertEquals(0.25, curve.information()[0], 1e-15);
    assertEquals(2.0, curve.standardError()[0], 1e-15);
  }

  @Test
  void itemInformationsAdd() {
    ItemParameters items = new ItemParameters(List.of("i1", "i2"), new double[] {2, 1},
        new double[] {0, 1});
    double p = 1 / (1 + Math.exp(-1));

    TestInformation curve = TestInformation.at(items, new double[] {0});

    assertEquals(4 * 0.25 + p * (1 - p), curve.information()[0], 1e-15);
  }

  @Test
  void curveSpansTheRangeEvenly() {
    ItemParameters item = new ItemParameters(List.of("i1"), new double[] {1}, new double[] {0});

    TestInformation curve = TestInformation.curve(item, -1, 1, 3);

    assertArrayEquals(new double[] {-1, 0, 1}, curve.thetas(), 1e-15);
    assertEquals(curve.information()[0], curve.information()[2], 1e-15);
  }
}
