package io.github.msirt.spark;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.NodeTable;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * One E-step pass over cached blocks as a single {@code treeAggregate}, and the labelling of
 * the Spark jobs this package runs.
 */
final class DistributedPass {
  private static final String JOB_GROUP = "spark.jobGroup.id";
  private static final String JOB_DESCRIPTION = "spark.job.description";
  private static final String INTERRUPT = "spark.job.interruptOnCancel";

  private DistributedPass() {
  }

  /**
   * Aggregates E-step statistics over every block: the 2PL table is broadcast once, each
   * partition folds its blocks into statistics that start empty, and partial statistics are
   * merged in a tree.
   *
   * @param blocks cached rows or patterns
   * @param table the 2PL at the current parameters
   * @param detail what to accumulate
   * @param depth depth of the merge tree, at least 1
   * @return the merged statistics
   */
  static EStepStatistics aggregate(JavaRDD<PatternBlock> blocks, NodeTable table,
      Detail detail, int depth) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(blocks.context());
    Broadcast<NodeTable> shared = context.broadcast(table);
    try {
      EStepStatistics empty =
          new EStepStatistics(table.itemCount(), table.nodeCount(), detail);
      return blocks.treeAggregate(empty,
          (statistics, block) -> block.addTo(statistics, shared.value()),
          (left, right) -> left.merge(right), depth);
    } finally {
      shared.destroy();
    }
  }

  /**
   * Runs Spark jobs under a job group and description of their own, then restores the caller's.
   *
   * @param context the Spark context
   * @param group the job group id
   * @param description what the jobs are for, shown in the Spark UI
   * @param jobs the work that runs the jobs
   * @param <T> the result type
   * @return the result of {@code jobs}
   */
  static <T> T labelled(SparkContext context, String group, String description,
      Supplier<T> jobs) {
    String previousGroup = context.getLocalProperty(JOB_GROUP);
    String previousDescription = context.getLocalProperty(JOB_DESCRIPTION);
    String previousInterrupt = context.getLocalProperty(INTERRUPT);
    context.setJobGroup(group, description, false);
    try {
      return jobs.get();
    } finally {
      context.setLocalProperty(JOB_GROUP, previousGroup);
      context.setLocalProperty(JOB_DESCRIPTION, previousDescription);
      context.setLocalProperty(INTERRUPT, previousInterrupt);
    }
  }
}
