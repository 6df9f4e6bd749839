package io.github.msirt.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.model.Quadrature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code metadata.json} of a calibration folder: what it is (format name and version),
 * the items, lambda and its tuner, the numerical settings, the sizes and diagnostics of the
 * fit, and the model's params. Doubles are written in full (shortest round-trip form), so
 * every value reads back to the same bits; a non-finite value is written as a string such as
 * {@code "Infinity"}.
 */
final class CalibrationMetadata {
  private static final Logger LOG = LoggerFactory.getLogger(CalibrationMetadata.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private CalibrationMetadata() {
  }

  /** What {@code metadata.json} holds besides the tables. */
  record Header(String uid, List<String> items, String tuner, double lambda,
      double[] lambdaByFold, CalibrationResult.Diagnostics diagnostics,
      CalibrationSettings settings, JsonNode params) {
  }

  /**
   * @param model the model to describe
   * @param sparkVersion the version of Spark that writes it
   * @return the JSON text
   */
  static String encode(MixedSubjectsIrtModel model, String sparkVersion) {
    CalibrationResult result = model.result();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", CalibrationStore.FORMAT);
    root.put("formatVersion", CalibrationStore.FORMAT_VERSION);
    root.put("class", MixedSubjectsIrtModel.class.getName());
    root.put("uid", model.uid());
    root.put("sparkVersion", sparkVersion);
    root.put("timestamp", System.currentTimeMillis());
    ArrayNode items = root.putArray("items");
    result.items().forEach(items::add);
    root.put("tuner", result.tuner());
    number(root, "lambda", result.lambda());
    numbers(root.putArray("lambdaByFold"), result.lambdaByFold());
    settings(root.putObject("settings"), result.settings());
    sizes(root.putObject("sizes"), result);
    diagnostics(root.putObject("diagnostics"), result.diagnostics());
    root.set("params", params(model));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the calibration metadata as JSON", e);
    }
  }

  private static void settings(ObjectNode node, CalibrationSettings settings) {
    Quadrature quadrature = settings.quadrature();
    node.put("quadraturePoints", quadrature.size());
    numbers(node.putArray("quadratureNodes"), quadrature.nodes());
    numbers(node.putArray("quadratureWeights"), quadrature.weights());
    number(node, "thetaLower", settings.thetaLower());
    number(node, "thetaUpper", settings.thetaUpper());
    number(node, "slopeLowerBound", settings.slopeLowerBound());
    number(node, "gradientTolerance", settings.gradientTolerance());
    node.put("maxIterations", settings.maxIterations());
    number(node, "maxDiscrimination", settings.maxDiscrimination());
    number(node, "ridge", settings.ridge());
    node.put("referenceScoring", settings.referenceScoring());
    node.put("maxHessianItems", settings.maxHessianItems());
  }

  private static void sizes(ObjectNode node, CalibrationResult result) {
    node.put("items", result.items().size());
    number(node, "observedRespondents", result.diagnostics().observedRespondents());
    number(node, "generatedRespondents", result.diagnostics().generatedRespondents());
  }

  private static void diagnostics(ObjectNode node, CalibrationResult.Diagnostics diagnostics) {
    number(node, "lambdaMax", diagnostics.lambdaMax());
    node.put("passes", diagnostics.passes());
    node.put("candidatePasses", diagnostics.candidatePasses());
    node.put("iterations", diagnostics.iterations());
    node.put("converged", diagnostics.converged());
    node.put("reason", diagnostics.reason());
    number(node, "objective", diagnostics.objective());
  }

  /**
   * @param model the model
   * @return every param with a value (set or default), in Spark's JSON encoding
   */
  static ObjectNode params(MixedSubjectsIrtModel model) {
    ObjectNode node = JSON.createObjectNode();
    for (ParamPair<?> pair : CollectionConverters.asJava(model.extractParamMap().toSeq())) {
      node.set(pair.param().name(), parse(encoded(pair)));
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static String encoded(ParamPair<?> pair) {
    return ((Param<Object>) pair.param()).jsonEncode(pair.value());
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a param encoded to invalid JSON: " + text, e);
    }
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.put(name, Double.toString(value));
    }
  }

  private static void numbers(ArrayNode node, double[] values) {
    for (double value : values) {
      if (Double.isFinite(value)) {
        node.add(value);
      } else {
        node.add(Double.toString(value));
      }
    }
  }

  /**
   * Reads and checks {@code metadata.json}.
   *
   * @param text the file's contents
   * @param where the file, for messages
   * @return the header
   * @throws IllegalArgumentException if the text is not JSON, not a calibration, of an
   *     unknown or newer format version, or lacks a field
   */
  static Header decode(String text, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + " is not valid JSON (" + e.getOriginalMessage()
          + "); it is not a calibration saved by msirt");
    }
    checkFormat(root, where);
    Reader reader = new Reader(root, where);
    CalibrationResult.Diagnostics diagnostics = reader.diagnostics();
    return new Header(reader.text(root, "uid"), reader.strings(root, "items"),
        reader.text(root, "tuner"), reader.number(root, "lambda"),
        reader.numbers(root, "lambdaByFold"), diagnostics, reader.settings(),
        reader.field(root, "params"));
  }

  private static void checkFormat(JsonNode root, String where) {
    JsonNode format = root.path("format");
    if (!CalibrationStore.FORMAT.equals(format.asText(null))) {
      throw new IllegalArgumentException(where + " names format " + format + ", not "
          + CalibrationStore.FORMAT + "; the folder is not a calibration saved by msirt");
    }
    JsonNode version = root.path("formatVersion");
    if (!version.canConvertToInt() || !version.isIntegralNumber()) {
      throw new IllegalArgumentException(where + " has formatVersion " + version
          + ", not a whole number; the file is damaged");
    }
    int found = version.asInt();
    if (found > CalibrationStore.FORMAT_VERSION) {
      throw new IllegalArgumentException(where + " is in calibration format version " + found
          + ", newer than the version " + CalibrationStore.FORMAT_VERSION + " this msirt"
          + " reads; load it with a newer msirt");
    }
    if (found < 1) {
      throw new IllegalArgumentException(where + " has an unknown calibration format"
          + " version " + found + "; versions start at 1");
    }
  }

  /**
   * Sets the params recorded in the metadata on a model; params this version does not know
   * are skipped with a warning.
   *
   * @param model the loaded model
   * @param params the {@code params} object
   * @param where the file, for messages
   * @throws IllegalArgumentException if a recorded value is invalid
   */
  static void applyParams(MixedSubjectsIrtModel model, JsonNode params, String where) {
    Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!model.hasParam(field.getKey())) {
        LOG.warn("{}: skipping param {}, which this version does not have", where,
            field.getKey());
        continue;
      }
      Param<Object> param = model.getParam(field.getKey());
      try {
        model.set(param, param.jsonDecode(field.getValue().toString()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": param " + field.getKey() + " holds "
            + field.getValue() + ", which is not valid: " + e.getMessage(), e);
      }
    }
  }

  /** Reads typed fields, naming the file and the field when one is missing or mistyped. */
  private static final class Reader {
    private final JsonNode root;
    private final String where;

    Reader(JsonNode root, String where) {
      this.root = root;
      this.where = where;
    }

    JsonNode field(JsonNode node, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw new IllegalArgumentException(where + " lacks the field " + name
            + "; the file is damaged or was not written by msirt");
      }
      return value;
    }

    String text(JsonNode node, String name) {
      JsonNode value = field(node, name);
      if (!value.isTextual()) {
        throw mistyped(name, value, "a string");
      }
      return value.asText();
    }

    double number(JsonNode node, String name) {
      return toDouble(name, field(node, name));
    }

    int integer(JsonNode node, String name) {
      JsonNode value = field(node, name);
      if (!value.canConvertToInt() || !value.isIntegralNumber()) {
        throw mistyped(name, value, "a whole number");
      }
      return value.asInt();
    }

    boolean bool(JsonNode node, String name) {
      JsonNode value = field(node, name);
      if (!value.isBoolean()) {
        throw mistyped(name, value, "true or false");
      }
      return value.asBoolean();
    }

    private double toDouble(String name, JsonNode value) {
      if (value.isNumber()) {
        return value.asDouble();
      }
      if (value.isTextual() && List.of("NaN", "Infinity", "-Infinity")
          .contains(value.asText())) {
        return Double.parseDouble(value.asText());
      }
      throw mistyped(name, value, "a number");
    }

    double[] numbers(JsonNode node, String name) {
      JsonNode array = field(node, name);
      if (!array.isArray()) {
        throw mistyped(name, array, "an array of numbers");
      }
      double[] values = new double[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = toDouble(name, array.get(i));
      }
      return values;
    }

    List<String> strings(JsonNode node, String name) {
      JsonNode array = field(node, name);
      if (!array.isArray() || array.isEmpty()) {
        throw mistyped(name, array, "a non-empty array of names");
      }
      List<String> values = new ArrayList<>();
      array.forEach(value -> values.add(value.asText()));
      return values;
    }

    CalibrationResult.Diagnostics diagnostics() {
      JsonNode sizes = field(root, "sizes");
      JsonNode node = field(root, "diagnostics");
      return new CalibrationResult.Diagnostics(number(sizes, "observedRespondents"),
          number(sizes, "generatedRespondents"), number(node, "lambdaMax"),
          integer(node, "passes"), integer(node, "candidatePasses"),
          integer(node, "iterations"), bool(node, "converged"), text(node, "reason"),
          number(node, "objective"));
    }

    CalibrationSettings settings() {
      JsonNode node = field(root, "settings");
      return CalibrationSettings.builder()
          .quadrature(quadrature(node))
          .thetaBounds(number(node, "thetaLower"), number(node, "thetaUpper"))
          .slopeLowerBound(number(node, "slopeLowerBound"))
          .gradientTolerance(number(node, "gradientTolerance"))
          .maxIterations(integer(node, "maxIterations"))
          .maxDiscrimination(number(node, "maxDiscrimination"))
          .ridge(number(node, "ridge"))
          .referenceScoring(bool(node, "referenceScoring"))
          .maxHessianItems(integer(node, "maxHessianItems"))
          .build();
    }

    // The Gauss-Hermite grid is rebuilt exactly; any other grid is read back as written.
    private Quadrature quadrature(JsonNode node) {
      int points = integer(node, "quadraturePoints");
      double[] nodes = numbers(node, "quadratureNodes");
      double[] weights = numbers(node, "quadratureWeights");
      if (points >= 2 && points <= 200) {
        Quadrature standard = Quadrature.gaussHermite(points);
        if (Arrays.equals(standard.nodes(), nodes) && Arrays.equals(standard.weights(),
            weights)) {
          return standard;
        }
      }
      return Quadrature.of(nodes, weights);
    }

    private IllegalArgumentException mistyped(String name, JsonNode value, String expected) {
      return new IllegalArgumentException(where + ": field " + name + " holds " + value
          + ", not " + expected + "; the file is damaged");
    }
  }
}
