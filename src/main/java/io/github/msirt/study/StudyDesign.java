package io.github.msirt.study;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.tune.TuningOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The design of the validation study: the true items, the sample sizes, the predictor
 * regimes and how each replication tunes and fits.
 *
 * <p>Defaults follow the published study: 8 items with discriminations evenly spaced from
 * 0.8 to 1.6 and intercepts from -1.1 to 1.1, abilities N(0, 1), n = 400 humans,
 * N = 1200 generated respondents, all four regimes, the fixed-lambda fits at 0.5. The rest
 * are this implementation's choices: 2000 held-out respondents, the ability-risk tuner by
 * 1-D search on [0, 1], 2 cross-fitting folds, and the core's default calibration
 * settings (exact bounded ML scoring).
 */
public final class StudyDesign implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int itemCount;
  private final double[] discriminationRange;
  private final double[] interceptRange;
  private final int humans;
  private final int generated;
  private final int heldOut;
  private final List<Regime> regimes;
  private final TuningOptions.Search search;
  private final double[] grid;
  private final int folds;
  private final double fixedLambda;
  private final CalibrationSettings settings;

  private StudyDesign(Builder builder) {
    this.itemCount = builder.itemCount;
    this.discriminationRange = builder.discriminationRange.clone();
    this.interceptRange = builder.interceptRange.clone();
    this.humans = builder.humans;
    this.generated = builder.generated;
    this.heldOut = builder.heldOut;
    this.regimes = List.copyOf(builder.regimes);
    this.search = builder.search;
    this.grid = builder.grid.clone();
    this.folds = builder.folds;
    this.fixedLambda = builder.fixedLambda;
    this.settings = builder.settings;
  }

  /** @return the published design */
  public static StudyDesign defaults() {
    return builder().build();
  }

  /** @return a builder starting from the published design */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The true items: discriminations and intercepts evenly spaced over their ranges,
   * named {@code item01, item02, ...}.
   *
   * @return the generating parameters
   */
  public ItemParameters truth() {
    List<String> names = new ArrayList<>();
    double[] a = new double[itemCount];
    double[] d = new double[itemCount];
    for (int j = 0; j < itemCount; j++) {
      names.add(String.format("item%02d", j + 1));
      double share = itemCount == 1 ? 0.5 : j / (itemCount - 1.0);
      a[j] = discriminationRange[0] + share * (discriminationRange[1] - discriminationRange[0]);
      d[j] = interceptRange[0] + share * (interceptRange[1] - interceptRange[0]);
    }
    return new ItemParameters(names, a, d);
  }

  /** @return the number of items J */
  public int itemCount() {
    return itemCount;
  }

  /** @return human respondents n per replication */
  public int humans() {
    return humans;
  }

  /** @return generated respondents N per replication */
  public int generated() {
    return generated;
  }

  /** @return fresh respondents scored to measure the ability error */
  public int heldOut() {
    return heldOut;
  }

  /** @return the regimes run in every replication, in table order */
  public List<Regime> regimes() {
    return regimes;
  }

  /** @return how the ability-risk tuner searches lambda */
  public TuningOptions.Search search() {
    return search;
  }

  /** @return the grid, or for the 1-D search its range */
  public double[] grid() {
    return grid.clone();
  }

  /** @return the number of cross-fitting folds */
  public int folds() {
    return folds;
  }

  /** @return the lambda at which coverage and bias are measured */
  public double fixedLambda() {
    return fixedLambda;
  }

  /** @return the numerical settings of every fit */
  public CalibrationSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "J = " + itemCount + ", a from " + discriminationRange[0] + " to "
        + discriminationRange[1] + ", d from " + interceptRange[0] + " to " + interceptRange[1]
        + ", n = " + humans + ", N = " + generated + ", held-out " + heldOut + ", regimes "
        + regimes + ", ability-risk " + search.name().toLowerCase() + " over "
        + Arrays.toString(grid) + ", " + folds + " cross-fitting folds, fixed lambda "
        + fixedLambda;
  }

  /** Builds a {@link StudyDesign}; every setter validates its argument. */
  public static final class Builder {
    private int itemCount = 8;
    private double[] discriminationRange = {0.8, 1.6};
    private double[] interceptRange = {-1.1, 1.1};
    private int humans = 400;
    private int generated = 1200;
    private int heldOut = 2000;
    private List<Regime> regimes = List.of(Regime.values());
    private TuningOptions.Search search = TuningOptions.Search.OPTIMIZE;
    private double[] grid = TuningOptions.DEFAULT_GRID;
    private int folds = 2;
    private double fixedLambda = 0.5;
    private CalibrationSettings settings = CalibrationSettings.defaults();

    private Builder() {
    }

    /**
     * @param count number of items, at least 2 (default 8)
     * @return this
     */
    public Builder itemCount(int count) {
      require(count >= 2, "the study needs at least 2 items, found " + count);
      this.itemCount = count;
      return this;
    }

    /**
     * @param lowest discrimination of the first item, positive (default 0.8)
     * @param highest discrimination of the last item, not below lowest (default 1.6)
     * @return this
     */
    public Builder discriminations(double lowest, double highest) {
      require(lowest > 0 && highest >= lowest,
          "discriminations must be positive and increasing, found " + lowest + ", " + highest);
      this.discriminationRange = new double[] {lowest, highest};
      return this;
    }

    /**
     * @param lowest intercept of the first item (default -1.1)
     * @param highest intercept of the last item (default 1.1)
     * @return this
     */
    public Builder intercepts(double lowest, double highest) {
      require(Double.isFinite(lowest) && Double.isFinite(highest),
          "intercepts must be finite, found " + lowest + ", " + highest);
      this.interceptRange = new double[] {lowest, highest};
      return this;
    }

    /**
     * @param humanCount human respondents n, at least 20 (default 400)
     * @param generatedCount generated respondents N, at least 1 (default 1200)
     * @return this
     */
    public Builder sampleSizes(int humanCount, int generatedCount) {
      require(humanCount >= 20 && generatedCount >= 1, "the study needs n >= 20 and N >= 1,"
          + " found n = " + humanCount + ", N = " + generatedCount);
      this.humans = humanCount;
      this.generated = generatedCount;
      return this;
    }

    /**
     * @param count fresh respondents scored per replication, at least 1 (default 2000)
     * @return this
     */
    public Builder heldOut(int count) {
      require(count >= 1, "held-out respondents must be at least 1, found " + count);
      this.heldOut = count;
      return this;
    }

    /**
     * @param chosen regimes to run, at least one (default all four)
     * @return this
     */
    public Builder regimes(List<Regime> chosen) {
      require(!chosen.isEmpty(), "the study needs at least one regime");
      this.regimes = List.copyOf(chosen);
      return this;
    }

    /**
     * @param how grid or 1-D search for the ability-risk tuner (default 1-D search)
     * @param candidates the grid in [0, 1]; the search uses its range (default 0, 0.1..1)
     * @return this
     */
    public Builder abilityRiskSearch(TuningOptions.Search how, double[] candidates) {
      require(candidates.length > 0, "the lambda grid must not be empty");
      this.search = how;
      this.grid = candidates.clone();
      return this;
    }

    /**
     * @param count cross-fitting folds, at least 2 (default 2)
     * @return this
     */
    public Builder folds(int count) {
      require(count >= 2, "cross-fitting needs at least 2 folds, found " + count);
      this.folds = count;
      return this;
    }

    /**
     * @param lambda the lambda of the coverage and bias fits, in (0, 1] (default 0.5)
     * @return this
     */
    public Builder fixedLambda(double lambda) {
      require(lambda > 0 && lambda <= 1, "the fixed lambda must be in (0, 1], found " + lambda);
      this.fixedLambda = lambda;
      return this;
    }

    /**
     * @param calibration numerical settings of every fit (default the core's defaults)
     * @return this
     */
    public Builder settings(CalibrationSettings calibration) {
      this.settings = calibration;
      return this;
    }

    /** @return the design */
    public StudyDesign build() {
      return new StudyDesign(this);
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
