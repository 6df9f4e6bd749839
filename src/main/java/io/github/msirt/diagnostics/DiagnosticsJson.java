package io.github.msirt.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The diagnostics as a JSON tree, written as {@code diagnostics.json}. Numbers that are not
 * finite (an undefined correlation, say) are written as null.
 *
 * <p>Top-level fields: {@code lambda} (chosen, tuner, by fold, lambda_max),
 * {@code humans}, {@code generated}, {@code placebo_lambda}, {@code effective_n},
 * {@code ppi_correlation}, {@code item_agreement}, {@code scores_at_bounds} and
 * {@code warnings}.
 */
public final class DiagnosticsJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiagnosticsJson() {
  }

  /**
   * @param diagnostics the diagnostics
   * @return the JSON tree
   */
  public static ObjectNode tree(CalibrationDiagnostics diagnostics) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("lambda", lambda(diagnostics));
    number(root, "humans", diagnostics.humans());
    number(root, "generated", diagnostics.outcome().generatedRespondents());
    root.set("placebo_lambda", placebo(diagnostics.placebo()));
    root.set("effective_n", effective(diagnostics));
    root.set("ppi_correlation", correlation(diagnostics.ppiCorrelation()));
    root.set("item_agreement", agreement(diagnostics.agreement()));
    root.set("scores_at_bounds", bounds(diagnostics.scoreBounds()));
    ArrayNode warnings = root.putArray("warnings");
    diagnostics.warnings().forEach(warnings::add);
    return root;
  }

  /**
   * @param diagnostics the diagnostics
   * @return the indented JSON text
   */
  public static String text(CalibrationDiagnostics diagnostics) {
    try {
      return MAPPER.writeValueAsString(tree(diagnostics)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the diagnostics", e);
    }
  }

  private static ObjectNode lambda(CalibrationDiagnostics diagnostics) {
    ObjectNode node = MAPPER.createObjectNode();
    number(node, "chosen", diagnostics.outcome().lambda());
    node.put("tuner", diagnostics.outcome().tuner());
    node.set("by_fold", numbers(diagnostics.outcome().lambdaByFold()));
    number(node, "lambda_max", diagnostics.outcome().lambdaMax());
    node.put("final_fit_converged", diagnostics.outcome().fit().converged());
    return node;
  }

  private static ObjectNode placebo(PlaceboLambda placebo) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("method", "P's rows shuffled against O by seeded permutations (Fisher-Yates); "
        + "PPI++ trace rule on every permutation"
        + (placebo.tunerRerun() ? ", the run's tuner on the first" : ""));
    node.put("seed", placebo.seed());
    node.put("draws", placebo.draws());
    number(node, "margin", placebo.margin());
    ObjectNode ppi = node.putObject("ppi_rule");
    number(ppi, "real", placebo.realPpi());
    number(ppi, "placebo_mean", placebo.placeboPpiMean());
    number(ppi, "placebo_max", placebo.placeboPpiMax());
    ppi.set("placebo", numbers(placebo.placeboPpi()));
    ObjectNode tuner = node.putObject("tuner");
    tuner.put("name", placebo.tuner());
    number(tuner, "real", placebo.realLambda());
    tuner.put("rerun", placebo.tunerRerun());
    number(tuner, "placebo", placebo.placeboTuned());
    return node;
  }

  private static ObjectNode effective(CalibrationDiagnostics diagnostics) {
    EffectiveSampleSize size = diagnostics.effectiveSize();
    ObjectNode node = MAPPER.createObjectNode();
    number(node, "by_ability_risk", size.byRisk());
    node.put("by_ability_risk_formula", "n * R(0) / R(lambda)");
    number(node, "ability_risk_human_only", size.riskHumanOnly());
    number(node, "ability_risk_chosen", size.riskChosen());
    number(node, "by_covariance_trace", size.byTrace());
    node.put("by_covariance_trace_formula", "n * tr Sigma(0) / tr Sigma(lambda)");
    number(node, "by_ppi_correlation", size.byCorrelation());
    node.put("by_ppi_correlation_formula", "n / (1 - max(rho, 0)^2 * N / (n + N))");
    node.set("by_item_ppi_correlation",
        named(diagnostics.ppiCorrelation().items(), size.byItemCorrelation()));
    return node;
  }

  private static ObjectNode correlation(PpiCorrelation correlation) {
    ObjectNode node = MAPPER.createObjectNode();
    number(node, "overall", correlation.overall());
    node.put("scores", "each row's marginal score with its own posterior, at the human-only "
        + "fit, mapped by the inverse Hessian; trace correlation over parameters");
    number(node, "overall_with_human_posterior", correlation.ruleOverall());
    node.set("items", named(correlation.items(), correlation.byItem()));
    node.set("parameters", named(correlation.parameters(), correlation.byParameter()));
    return node;
  }

  private static ObjectNode agreement(ItemAgreement agreement) {
    ObjectNode node = MAPPER.createObjectNode();
    number(node, "overall_agreement", agreement.overallAgreement());
    ObjectNode items = node.putObject("items");
    for (int j = 0; j < agreement.items().size(); j++) {
      ObjectNode item = items.putObject(agreement.items().get(j));
      number(item, "agreement", agreement.agreement()[j]);
      number(item, "correlation", agreement.correlation()[j]);
      item.put("paired_cells", agreement.pairedCells()[j]);
    }
    return node;
  }

  private static ObjectNode bounds(ScoreBounds bounds) {
    ObjectNode node = MAPPER.createObjectNode();
    number(node, "lower", bounds.lower());
    number(node, "upper", bounds.upper());
    number(node, "no_responses", bounds.noResponses());
    number(node, "respondents", bounds.respondents());
    return node;
  }

  private static ObjectNode named(List<String> names, double[] values) {
    ObjectNode node = MAPPER.createObjectNode();
    for (int u = 0; u < names.size(); u++) {
      number(node, names.get(u), values[u]);
    }
    return node;
  }

  private static ArrayNode numbers(double[] values) {
    ArrayNode array = MAPPER.createArrayNode();
    for (double value : values) {
      if (Double.isFinite(value)) {
        array.add(value);
      } else {
        array.addNull();
      }
    }
    return array;
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }
}
