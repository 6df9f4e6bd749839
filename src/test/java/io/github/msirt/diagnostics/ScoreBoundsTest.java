package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreBoundsTest {

  @Test
  void allRightAllWrongAndEmptyRowsAreCounted() {
    List<String> items = List.of("i1", "i2", "i3");
    double na = Double.NaN;
    ResponseMatrix rows = ResponseMatrix.fromValues(items,
        new double[][] {{1, 1, 1}, {0, 0, 0}, {1, 0, 1}, {na, na, na}, {1, 1, 1}});
    ItemParameters parameters =
        new ItemParameters(items, new double[] {1, 1, 1}, new double[] {0, 0, 0});

    ScoreBounds bounds = ScoreBounds.of(rows, parameters, CalibrationSettings.defaults());

    assertEquals(1.0, bounds.lower());
    assertEquals(2.0, bounds.upper());
    assertEquals(1.0, bounds.noResponses());
    assertEquals(5.0, bounds.respondents());
    assertEquals(3.0, bounds.atBounds());
  }
}
