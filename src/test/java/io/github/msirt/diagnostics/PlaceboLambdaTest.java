package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlaceboLambdaTest {

  @Test
  void permutationHoldsEveryRowOnceAndDependsOnlyOnItsSeed() {
    int[] order = PlaceboLambda.permutation(50, 7L);

    int[] sorted = order.clone();
    Arrays.sort(sorted);
    assertArrayEquals(IntStream.range(0, 50).toArray(), sorted);
    assertArrayEquals(order, PlaceboLambda.permutation(50, 7L));
    assertFalse(Arrays.equals(order, PlaceboLambda.permutation(50, 8L)));
  }

  @Test
  void clearlyAboveNeedsTheFullMargin() {
    assertTrue(PlaceboLambda.clearlyAbove(0.30, 0.25, 0.05));
    assertFalse(PlaceboLambda.clearlyAbove(0.30, 0.26, 0.05));
    assertFalse(PlaceboLambda.clearlyAbove(0.0, 0.0, 0.05));
  }

  @Test
  void summariesOfTheDraws() {
    PlaceboLambda placebo = new PlaceboLambda(1L, 4, 0.75, new double[] {0.0, 0.1, 0.3, 0.0},
        "ppi", 0.75, 0.0, 0.05);

    assertEquals(0.3, placebo.placeboPpiMax(), 1e-15);
    assertEquals(0.1, placebo.placeboPpiMean(), 1e-15);
    assertTrue(placebo.tunerRerun());
  }
}
