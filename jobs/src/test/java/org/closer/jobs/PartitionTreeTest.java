package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class PartitionTreeTest {
  /** Sums of doubles whose last bits depend on the order they are added in. */
  private static final double[] VALUES = new Random(3).doubles(37, -1e6, 1e6).map(v -> v / 3).toArray();

  @Test
  void partitionsAddedInAnyOrderGiveTheSameSumToTheLastBit() {
    double inOrder = sum(IntStream.range(0, VALUES.length).boxed().toList());
    Random random = new Random(5);
    boolean orderMatters = false;
    for (int round = 0; round < 50; round++) {
      List<Integer> order = new ArrayList<>(IntStream.range(0, VALUES.length).boxed().toList());
      Collections.shuffle(order, random);
      assertEquals(inOrder, sum(order), 0.0, "in the order " + order);
      orderMatters |= order.stream().mapToDouble(i -> VALUES[i]).sum() != inOrder;
    }
    assertTrue(orderMatters, "the values chosen must add to other sums in other orders");
  }

  @Test
  void aLatePartitionLeavesAFewBlocksHeldNotEveryResult() {
    PartitionTree<Double> tree = new PartitionTree<>(Double::sum);
    int most = 0;
    for (int p = 1; p < 64; p++) {
      tree.add(p, (double) p);
      most = Math.max(most, tree.held());
    }
    assertEquals(10, most, "at 62: 1, 2-3, 4-7, 8-15, 16-31, 32-47, 48-55, 56-59, 60-61 and 62");
    assertEquals(6, tree.held(), "1, 2-3, 4-7, 8-15, 16-31 and 32-63 wait for partition 0");
    tree.add(0, 0.0);
    assertEquals(1, tree.held());
    assertEquals(Optional.of(63 * 64 / 2.0), tree.result());
  }

  @Test
  void combinesEachPartitionsResultOfASparkJob() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
    List<Double> values = new ArrayList<>();
    for (double v : VALUES) {
      values.add(v);
    }
    Optional<Double> sum = PartitionTree.combine(jsc.parallelize(values, VALUES.length), Double::sum);
    assertEquals(sum(IntStream.range(0, VALUES.length).boxed().toList()), sum.orElseThrow(), 0.0);
    assertEquals(Optional.empty(), PartitionTree.combine(jsc.<Double>emptyRDD(), Double::sum));
  }

  private static double sum(List<Integer> order) {
    PartitionTree<Double> tree = new PartitionTree<>(Double::sum);
    order.forEach(p -> tree.add(p, VALUES[p]));
    return tree.result().orElseThrow();
  }
}
