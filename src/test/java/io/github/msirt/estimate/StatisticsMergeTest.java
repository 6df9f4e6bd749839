package io.github.msirt.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.msirt.OracleCase;
import io.github.msirt.model.ResponseMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatisticsMergeTest {
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();

  @Test
  void expectedCountsMatchAcrossPartitionCountsAfterSerialisation() throws Exception {
    ResponseMatrix data = OracleCase.load("case06").generated();
    NodeTable table = new NodeTable(
        MixedSubjectsEstimator.startingValues(data), SETTINGS.quadrature());
    EStepStatistics whole = LocalResponses.accumulate(data, table, Detail.HESSIAN);
    for (int partitions : new int[] {1, 2, 7, 64}) {
      EStepStatistics merged = new EStepStatistics(data.itemCount(), table.nodeCount(),
          Detail.HESSIAN);
      for (int p = 0; p < partitions; p++) {
        int part = p;
        int[] rows = IntStream.range(0, data.rowCount())
            .filter(i -> i % partitions == part).toArray();
        EStepStatistics partial =
            LocalResponses.accumulate(data.selectRows(rows), table, Detail.HESSIAN);
        merged.merge(roundTrip(partial));
      }
      assertEquals(whole.logLikelihood(), merged.logLikelihood(), 1e-9);
      assertEquals(whole.respondents(), merged.respondents());
      double[][] expected = whole.hessian(table);
      double[][] actual = merged.hessian(table);
      for (int u = 0; u < expected.length; u++) {
        for (int v = 0; v < expected.length; v++) {
          assertEquals(expected[u][v], actual[u][v], 1e-12);
        }
      }
    }
  }

  @Test
  void statisticsOfDifferentShapesRefuseToMerge() {
    EStepStatistics eight = new EStepStatistics(8, 31, Detail.GRADIENT);
    EStepStatistics five = new EStepStatistics(5, 31, Detail.GRADIENT);
    assertThrows(IllegalArgumentException.class, () -> eight.merge(five));
  }

  @Test
  void emptyRowsAddNothingButAreCounted() {
    ResponseMatrix data = OracleCase.load("case07").observed();
    byte[] cells = new byte[(data.rowCount() + 1) * data.itemCount()];
    byte[] row = new byte[data.itemCount()];
    for (int i = 0; i < data.rowCount(); i++) {
      data.copyRow(i, row);
      System.arraycopy(row, 0, cells, i * row.length, row.length);
    }
    for (int j = 0; j < row.length; j++) {
      cells[data.rowCount() * row.length + j] = ResponseMatrix.MISSING;
    }
    ResponseMatrix withEmpty = ResponseMatrix.of(data.items(), cells, null, null);
    NodeTable table = new NodeTable(
        MixedSubjectsEstimator.startingValues(data), SETTINGS.quadrature());
    EStepStatistics plain = LocalResponses.accumulate(data, table, Detail.HESSIAN);
    EStepStatistics padded = LocalResponses.accumulate(withEmpty, table, Detail.HESSIAN);
    assertEquals(plain.meanNegativeLogLikelihood(), padded.meanNegativeLogLikelihood(), 0.0);
    assertEquals(plain.respondents(), padded.respondents());
    assertEquals(1.0, padded.emptyRespondents());
    assertEquals(plain.scoreCovariance()[0][0], padded.scoreCovariance()[0][0], 0.0);
  }

  private static EStepStatistics roundTrip(EStepStatistics statistics)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(statistics);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (EStepStatistics) in.readObject();
    }
  }
}
