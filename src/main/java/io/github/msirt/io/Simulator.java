package io.github.msirt.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a simulated calibration problem: human responses O, paired predictions P and
 * generated responses G from the 2PL, with a {@code respondent_id} column in each.
 *
 * <p>True parameters: {@code a_j = exp(0.3 z)} and {@code d_j ~ N(0, 1)}, with abilities
 * {@code theta ~ N(0, 1)}. O and P are built on the driver (n is small); G is built by Spark
 * from {@code spark.range(N)}, each row from a generator seeded by the seed and its row
 * index, so 10^8 rows never pass through the driver and the output does not depend on the
 * number of partitions. The output folder holds {@code observed}, {@code predicted} and
 * {@code generated} in the chosen format, {@code truth.csv} (true and model parameters) and
 * {@code simulation.json}; it appears only once complete.
 */
public final class Simulator {
  private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

  private static final long PARAMETER_STREAM = 0;
  private static final long SHUFFLE_STREAM = 4;

  private final SparkSession spark;

  /**
   * @param spark the session that writes G (and O, P as Parquet)
   */
  public Simulator(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * @param settings sizes, regime, seed and format
   * @param out the output folder
   * @param overwrite whether an existing folder may be replaced
   * @return the output folder
   * @throws InputException if the folder exists and {@code overwrite} is false
   */
  public Path write(SimulationSettings settings, Path out, boolean overwrite) {
    List<String> items = itemNames(settings.items());
    SplittableRandom parameterRandom =
        TwoParameterDraws.rowRandom(settings.seed(), PARAMETER_STREAM, 0);
    double[][] truth = trueParameters(settings.items(), parameterRandom);
    double[][] model = modelParameters(truth, settings.regime(), parameterRandom);

    try (OutputFolder folder = OutputFolder.open(out, overwrite)) {
      byte[][] observed = observedResponses(settings, truth);
      byte[][] predicted = predictedResponses(settings, observed, model);
      String extension = settings.format() == FileFormat.CSV ? ".csv" : ".parquet";
      writeSmall(folder.file("observed" + extension), items, "o", observed, settings.format());
      writeSmall(folder.file("predicted" + extension), items, "o", predicted,
          settings.format());
      writeGenerated(folder.file(settings.format() == FileFormat.CSV ? "generated"
          : "generated.parquet"), items, settings, model);
      writeTruth(folder.file("truth.csv"), items, truth, model);
      ResultFiles.writeSummary(folder.file("simulation.json"), description(settings));
      Path written = folder.commit();
      LOG.info("Simulated {} items, n = {}, N = {}, regime {}, seed {} into {}",
          settings.items(), settings.observedRespondents(), settings.generatedRespondents(),
          settings.regime().label(), settings.seed(), written);
      return written;
    }
  }

  /**
   * @param count number of items
   * @return {@code i01, i02, ...}, zero-padded to equal width
   */
  public static List<String> itemNames(int count) {
    int width = Math.max(2, Integer.toString(count).length());
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= count; j++) {
      names.add(String.format(Locale.ROOT, "i%0" + width + "d", j));
    }
    return names;
  }

  private static double[][] trueParameters(int count, SplittableRandom random) {
    double[][] parameters = new double[2][count];
    for (int j = 0; j < count; j++) {
      parameters[0][j] = Math.exp(0.3 * random.nextGaussian());
      parameters[1][j] = random.nextGaussian();
    }
    return parameters;
  }

  private static double[][] modelParameters(double[][] truth, Regime regime,
      SplittableRandom random) {
    int count = truth[0].length;
    double[][] model = {truth[0].clone(), truth[1].clone()};
    for (int j = 0; j < count && regime.shiftsParameters(); j++) {
      if (regime == Regime.BIASED) {
        model[0][j] = Math.max(0.4, 0.9 * truth[0][j] + 0.05 * random.nextGaussian());
        model[1][j] = truth[1][j] + 0.25 + 0.15 * random.nextGaussian();
      } else {
        model[0][j] = Math.max(0.05, Math.abs(0.1 * random.nextGaussian()));
        model[1][j] = 2.0 * random.nextGaussian();
      }
    }
    return model;
  }

  private static byte[][] observedResponses(SimulationSettings settings, double[][] truth) {
    TwoParameterDraws draws = new TwoParameterDraws(truth[0], truth[1]);
    byte[][] responses = new byte[settings.observedRespondents()][settings.items()];
    for (int i = 0; i < responses.length; i++) {
      SplittableRandom random = TwoParameterDraws.rowRandom(settings.seed(),
          TwoParameterDraws.OBSERVED_STREAM, i);
      draws.draw(random.nextGaussian(), random, responses[i]);
    }
    return responses;
  }

  // Abilities of O are re-drawn from O's own row streams, so P sits on the same thetas.
  private static byte[][] predictedResponses(SimulationSettings settings, byte[][] observed,
      double[][] model) {
    switch (settings.regime()) {
      case PERFECT:
        return observed;
      case SHUFFLED:
        return shuffledRows(observed, settings.seed());
      default:
        break;
    }
    TwoParameterDraws draws = new TwoParameterDraws(model[0], model[1]);
    byte[][] responses = new byte[observed.length][settings.items()];
    for (int i = 0; i < responses.length; i++) {
      double theta = TwoParameterDraws.rowRandom(settings.seed(),
          TwoParameterDraws.OBSERVED_STREAM, i).nextGaussian();
      draws.draw(theta, TwoParameterDraws.rowRandom(settings.seed(),
          TwoParameterDraws.PREDICTED_STREAM, i), responses[i]);
    }
    return responses;
  }

  private static byte[][] shuffledRows(byte[][] observed, long seed) {
    byte[][] shuffled = observed.clone();
    SplittableRandom random = TwoParameterDraws.rowRandom(seed, SHUFFLE_STREAM, 0);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int other = random.nextInt(i + 1);
      byte[] swap = shuffled[i];
      shuffled[i] = shuffled[other];
      shuffled[other] = swap;
    }
    return shuffled;
  }

  private void writeSmall(Path file, List<String> items, String idPrefix, byte[][] rows,
      FileFormat format) {
    if (format == FileFormat.PARQUET) {
      List<Row> data = new ArrayList<>();
      for (int i = 0; i < rows.length; i++) {
        data.add(GeneratedRows.row(idPrefix + (i + 1), rows[i]));
      }
      spark.createDataFrame(data, GeneratedRows.schema(items)).coalesce(1)
          .write().parquet(file.toString());
      return;
    }
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(ReadOptions.DEFAULT_ID_COLUMN + "," + String.join(",", items) + "\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < rows.length; i++) {
        line.setLength(0);
        line.append(idPrefix).append(i + 1);
        for (byte cell : rows[i]) {
          line.append(',').append(cell);
        }
        writer.write(line.append('\n').toString());
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot write " + file, failure);
    }
  }

  private void writeGenerated(Path folder, List<String> items, SimulationSettings settings,
      double[][] model) {
    GeneratedRows rows = new GeneratedRows(settings.seed(),
        new TwoParameterDraws(model[0], model[1]));
    Dataset<Row> generated = spark
        .range(0, settings.generatedRespondents(), 1, settings.partitions())
        .map(rows, Encoders.row(GeneratedRows.schema(items)));
    if (settings.format() == FileFormat.PARQUET) {
      generated.write().parquet(folder.toString());
    } else {
      generated.write().option("header", "true").csv(folder.toString());
    }
  }

  private static void writeTruth(Path file, List<String> items, double[][] truth,
      double[][] model) {
    List<String> lines = new ArrayList<>();
    lines.add("item,a,d,b,model_a,model_d");
    for (int j = 0; j < items.size(); j++) {
      lines.add(String.join(",", items.get(j), ResultFiles.number(truth[0][j]),
          ResultFiles.number(truth[1][j]), ResultFiles.number(-truth[1][j] / truth[0][j]),
          ResultFiles.number(model[0][j]), ResultFiles.number(model[1][j])));
    }
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot write " + file, failure);
    }
  }

  private static Map<String, Object> description(SimulationSettings settings) {
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("items", settings.items());
    description.put("n_observed", settings.observedRespondents());
    description.put("n_generated", settings.generatedRespondents());
    description.put("regime", settings.regime().label());
    description.put("seed", settings.seed());
    description.put("format", settings.format().extension());
    return description;
  }

  /** Builds the rows of G on the executors, one seeded generator per row. */
  static final class GeneratedRows implements MapFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final TwoParameterDraws draws;

    GeneratedRows(long seed, TwoParameterDraws draws) {
      this.seed = seed;
      this.draws = draws;
    }

    @Override
    public Row call(Long index) {
      SplittableRandom random =
          TwoParameterDraws.rowRandom(seed, TwoParameterDraws.GENERATED_STREAM, index);
      byte[] responses = new byte[draws.itemCount()];
      draws.draw(random.nextGaussian(), random, responses);
      return row("g" + (index + 1), responses);
    }

    static Row row(String id, byte[] responses) {
      Object[] cells = new Object[responses.length + 1];
      cells[0] = id;
      for (int j = 0; j < responses.length; j++) {
        cells[j + 1] = responses[j];
      }
      return RowFactory.create(cells);
    }

    static StructType schema(List<String> items) {
      List<StructField> fields = new ArrayList<>();
      fields.add(DataTypes.createStructField(ReadOptions.DEFAULT_ID_COLUMN,
          DataTypes.StringType, false));
      for (String item : items) {
        fields.add(DataTypes.createStructField(item, DataTypes.ByteType, false));
      }
      return DataTypes.createStructType(fields);
    }
  }
}
