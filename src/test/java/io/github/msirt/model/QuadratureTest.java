package io.github.msirt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msirt.OracleCase;
import io.github.msirt.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QuadratureTest {

  @Test
  void gaussHermiteGridsHaveTheMomentsOfTheStandardNormal() {
    for (int count = 5; count <= 81; count++) {
      Quadrature grid = Quadrature.gaussHermite(count);
      double[] nodes = grid.nodes();
      double[] weights = grid.weights();
      double sum = 0;
      double mean = 0;
      double second = 0;
      double fourth = 0;
      for (int k = 0; k < count; k++) {
        sum += weights[k];
        mean += weights[k] * nodes[k];
        second += weights[k] * nodes[k] * nodes[k];
        fourth += weights[k] * Math.pow(nodes[k], 4);
      }
      assertEquals(1.0, sum, 1e-10, count + " nodes");
      assertEquals(0.0, mean, 1e-10, count + " nodes");
      assertEquals(1.0, second, 1e-10, count + " nodes");
      assertEquals(3.0, fourth, 1e-9, count + " nodes");
    }
  }

  @Test
  void defaultGridEqualsTheReferenceGrid() {
    JsonNode quadrature = loadReferenceQuadrature();
    double[] theta = OracleCase.vector(quadrature.path("theta"));
    double[] weight = OracleCase.vector(quadrature.path("weight"));
    Quadrature grid = Quadrature.gaussHermite(31);
    for (int k = 0; k < 31; k++) {
      assertEquals(theta[k], grid.node(k), 1e-10);
      assertEquals(weight[k], grid.weights()[k], 1e-12);
    }
  }

  private static JsonNode loadReferenceQuadrature() {
    try {
      return new ObjectMapper().readTree(
          SharedData.path("oracle/case07/reference.json").toFile()).path("quadrature");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void callerGridIsSortedAndNormalised() {
    Quadrature grid = Quadrature.of(new double[] {1, -1, 0}, new double[] {1, 1, 2});
    assertEquals(-1.0, grid.node(0));
    assertEquals(0.5, grid.weights()[1], 1e-15);
    assertThrows(IllegalArgumentException.class,
        () -> Quadrature.of(new double[] {0, 1}, new double[] {1, -1}));
  }
}
