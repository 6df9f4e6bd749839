package io.github.msirt.cli;

import io.github.msirt.diagnostics.DiagnosticOptions;
import io.github.msirt.diagnostics.DiagnosticsReport;
import io.github.msirt.estimate.AbilityScore;
import io.github.msirt.estimate.AbilityScorer;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.io.FoldReader;
import io.github.msirt.io.GeneratedReader;
import io.github.msirt.io.GeneratedResponses;
import io.github.msirt.io.ItemAlignment;
import io.github.msirt.io.LambdaTuningRow;
import io.github.msirt.io.OutputFolder;
import io.github.msirt.io.PairedResponses;
import io.github.msirt.io.ReadOptions;
import io.github.msirt.io.ResponseReader;
import io.github.msirt.io.ResponseTable;
import io.github.msirt.io.ResultFiles;
import io.github.msirt.ml.CalibrationStore;
import io.github.msirt.ml.MixedSubjectsIrtModel;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.spark.SparkResponses;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import io.github.msirt.tune.Candidate;
import io.github.msirt.tune.TuningOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estimation jobs behind {@code calibrate}, {@code tune} and {@code score}: read and
 * screen the inputs, run the {@link Calibrator} with G on Spark, and write every result
 * into the output folder at once.
 */
public final class CalibrationJob implements JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CalibrationJob.class);
  private static final String APP_NAME = "msirt";

  /** Called with the staging folder once every result is in it, before it is published. */
  @FunctionalInterface
  interface BeforePublish {
    /**
     * @param staging the folder that is about to become the output folder
     * @throws java.io.IOException to abandon the output
     */
    void check(Path staging) throws java.io.IOException;
  }

  private final BeforePublish beforePublish;

  /** A job that publishes its output as soon as it is complete. */
  public CalibrationJob() {
    this(staging -> { });
  }

  CalibrationJob(BeforePublish beforePublish) {
    this.beforePublish = beforePublish;
  }

  @Override
  public int calibrate(CalibrateCommand command) throws Exception {
    long start = System.nanoTime();
    CalibrationSettings settings = command.model().toSettings();
    try (SparkSessions sessions = SparkSessions.open(command.spark().master(), APP_NAME)) {
      Inputs inputs = Inputs.read(sessions.session(), command.files(),
          command.reading().toReadOptions(), command.spark().partitions());
      try (inputs) {
        CalibrationOutcome outcome = new Calibrator(settings)
            .calibrate(inputs.data(), command.lambda());
        write(sessions.session(), command.output(), inputs, outcome, settings, start,
            DiagnosticOptions.defaults());
      }
    }
    return 0;
  }

  @Override
  public int tune(TuneCommand command) throws Exception {
    long start = System.nanoTime();
    CalibrationSettings settings = command.model().toSettings();
    ReadOptions reading = command.reading().toReadOptions();
    try (SparkSessions sessions = SparkSessions.open(command.spark().master(), APP_NAME)) {
      SparkSession spark = sessions.session();
      Inputs inputs = Inputs.read(spark, command.files(), reading, command.spark().partitions());
      try (inputs) {
        int[] folds = command.foldFile() == null ? null
            : new FoldReader(reading, spark).read(command.foldFile(), inputs.paired());
        ResponseMatrix target = inputs.target(spark, command.files().target(), reading);
        TuningOptions options = command.tuningOptions(folds, target);
        CalibrationOutcome outcome = new Calibrator(settings).tune(inputs.data(), options);
        write(spark, command.output(), inputs, outcome, settings, start,
            DiagnosticOptions.defaults().withTuning(options));
      }
    }
    return 0;
  }

  @Override
  public int score(ScoreCommand command) throws Exception {
    ReadOptions reading = command.reading().toReadOptions();
    try (SparkSessions sessions = SparkSessions.open(command.spark().master(), APP_NAME)) {
      SparkSession spark = sessions.session();
      MixedSubjectsIrtModel model =
          CalibrationStore.load(spark, command.calibration().toUri().toString());
      ResponseTable table = new ResponseReader(reading, spark).read(command.responses());
      ResponseTable aligned =
          ItemAlignment.reorder(table, model.items(), command.calibration().toString());
      Scores scores = Scores.of(aligned.matrix(), model.parameters(),
          command.model().thetaBounds());
      try (OutputFolder folder =
          OutputFolder.open(command.output().out(), command.output().overwrite())) {
        ResultFiles.writeScores(folder.file("scores.csv"), scores.ids(), scores.theta(),
            scores.standardErrors(), scores.statuses());
        folder.commit();
      }
      LOG.info("scored {} respondents ({} at a bound, {} without answers)",
          scores.ids().size(), scores.count("lower_bound") + scores.count("upper_bound"),
          scores.count("no_responses"));
    }
    return 0;
  }

  private void write(SparkSession spark, OutputOptions output, Inputs inputs,
      CalibrationOutcome outcome, CalibrationSettings settings, long start,
      DiagnosticOptions diagnostics) throws java.io.IOException {
    boolean tuned = diagnostics.tuning() != null;
    ItemParameters parameters = outcome.fit().parameters();
    double[][] covariance = outcome.covariance().matrix();
    try (OutputFolder folder = OutputFolder.open(output.out(), output.overwrite())) {
      ResultFiles.writeItemParameters(folder.file("item_parameters.csv"), parameters,
          covariance);
      ResultFiles.writeCovariance(folder.file("vcov.csv"), parameters.items(), covariance);
      CalibrationStore.save(spark, outcome, settings,
          folder.file("calibration").toUri().toString());
      if (tuned) {
        ResultFiles.writeLambdaTuning(folder.file("lambda_tuning.csv"),
            tuningRows(outcome.candidates()));
      }
      if (inputs.data().hasPredictions()) {
        DiagnosticsReport.write(outcome, inputs.data(), settings, diagnostics,
            folder.staging());
      }
      ResultFiles.writeSummary(folder.file("summary.json"),
          RunSummary.of(inputs, outcome, start));
      beforePublish.check(folder.staging());
      folder.commit();
    }
    LOG.info("lambda {} ({}); results in {}", outcome.lambda(), outcome.tuner(), output.out());
  }

  private static List<LambdaTuningRow> tuningRows(List<Candidate> candidates) {
    List<LambdaTuningRow> rows = new ArrayList<>();
    for (Candidate candidate : candidates) {
      rows.add(new LambdaTuningRow(candidate.fold(), candidate.lambda(),
          candidate.meanParamVar(), candidate.selectionRisk(), candidate.converged(),
          candidate.maxDiscrimination(), candidate.eligible()));
    }
    return rows;
  }

  /** The screened inputs of one run; closing releases G's cached blocks. */
  static final class Inputs implements AutoCloseable {
    private final PairedResponses paired;
    private final GeneratedResponses generatedFiles;
    private final SparkResponses generated;
    private final MixedSubjectsData data;
    private final List<Path> paths;

    private Inputs(PairedResponses paired, GeneratedResponses generatedFiles,
        SparkResponses generated, List<Path> paths) {
      this.paired = paired;
      this.generatedFiles = generatedFiles;
      this.generated = generated;
      this.paths = paths;
      this.data = generated == null ? MixedSubjectsData.humanOnly(paired.observed())
          : MixedSubjectsData.of(paired.observed(), paired.predicted(), generated);
    }

    static Inputs read(SparkSession spark, ResponseFiles files, ReadOptions reading,
        Integer partitions) {
      ResponseReader reader = new ResponseReader(reading, spark);
      ResponseTable observed = reader.read(files.observed());
      PairedResponses.requireVariance(observed);
      ResponseTable predicted =
          files.predicted() == null ? null : reader.read(files.predicted());
      PairedResponses paired = PairedResponses.pair(observed, predicted);
      List<Path> paths = new ArrayList<>(List.of(files.observed()));
      if (files.generated() == null) {
        return new Inputs(paired, null, null, paths);
      }
      paths.add(files.predicted());
      paths.add(files.generated());
      GeneratedResponses generatedFiles = new GeneratedReader(spark, reading)
          .read(files.generated()).alignedTo(paired.items(), observed.source());
      SparkResponses.Builder builder =
          SparkResponses.builder(generatedFiles.responses(), paired.items());
      if (generatedFiles.idColumn() != null) {
        builder.idColumn(generatedFiles.idColumn());
      }
      if (partitions != null) {
        builder.partitions(partitions);
      }
      return new Inputs(paired, generatedFiles, builder.build(), paths);
    }

    ResponseMatrix target(SparkSession spark, Path path, ReadOptions reading) {
      if (path == null) {
        return null;
      }
      paths.add(path);
      ResponseTable table = new ResponseReader(reading, spark).read(path);
      return ItemAlignment.reorder(table, paired.items(), path.toString()).matrix();
    }

    PairedResponses paired() {
      return paired;
    }

    GeneratedResponses generatedFiles() {
      return generatedFiles;
    }

    MixedSubjectsData data() {
      return data;
    }

    List<Path> paths() {
      return paths;
    }

    @Override
    public void close() {
      if (generated != null) {
        generated.close();
      }
    }
  }

  /** Ability scores of a response file, in file order. */
  record Scores(List<String> ids, double[] theta, double[] standardErrors,
      List<String> statuses) {

    static Scores of(ResponseMatrix responses, ItemParameters parameters, double[] bounds) {
      AbilityScorer scorer = new AbilityScorer(parameters, bounds[0], bounds[1]);
      int rows = responses.rowCount();
      List<String> ids = new ArrayList<>();
      List<String> statuses = new ArrayList<>();
      double[] theta = new double[rows];
      double[] errors = new double[rows];
      byte[] row = new byte[responses.itemCount()];
      for (int i = 0; i < rows; i++) {
        responses.copyRow(i, row);
        AbilityScore score = scorer.score(row);
        ids.add(responses.id(i));
        theta[i] = score.theta();
        errors[i] = score.standardError();
        statuses.add(score.status().name().toLowerCase(java.util.Locale.ROOT));
      }
      return new Scores(ids, theta, errors, statuses);
    }

    long count(String status) {
      return statuses.stream().filter(status::equals).count();
    }
  }
}
