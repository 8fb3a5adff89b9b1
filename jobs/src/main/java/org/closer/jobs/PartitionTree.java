package org.closer.jobs;

import java.io.Serializable;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * One result per partition, added pairwise over a fixed binary tree of partition numbers: two
 * aligned blocks of 2^k partitions are combined, left then right, once both are complete. Sums of
 * doubles depend on their order, and Spark hands over results in the order tasks end, which varies
 * from run to run; this way the same partitions give the same result to the last bit whatever that
 * order. Only the complete blocks not yet paired are held, about one or two per level of the tree,
 * where collecting would hold every partition's result at once (at 50M survey rows, 17 MB of the
 * report's tallies on the driver), and adding in partition order every result after a late one.
 *
 * @param <T> a partition's result
 */
public final class PartitionTree<T> {
  private final BinaryOperator<T> combine;
  /** The complete blocks not yet paired, by their first partition. */
  private final TreeMap<Integer, Block<T>> blocks = new TreeMap<>();

  /** The results of the aligned partitions [first, first + 2^level). */
  private record Block<T>(int level, T value) {}

  /**
   * @param combine the left block's result and the right's, combined: it may change and return the
   *     left one; the right one is not used again
   */
  public PartitionTree(BinaryOperator<T> combine) {
    this.combine = combine;
  }

  /** A partition's result, paired with its complete neighbour block, and so on up the tree. */
  public synchronized void add(int partition, T value) {
    int first = partition;
    Block<T> block = new Block<>(0, value);
    while (true) {
      int neighbour = first ^ (1 << block.level());
      Block<T> beside = blocks.get(neighbour);
      if (beside == null || beside.level() != block.level()) {
        blocks.put(first, block);
        return;
      }
      blocks.remove(neighbour);
      T pair = neighbour < first ? combine.apply(beside.value(), block.value())
          : combine.apply(block.value(), beside.value());
      block = new Block<>(block.level() + 1, pair);
      first = Math.min(first, neighbour);
    }
  }

  /**
   * The blocks combined from the first partition on, or empty when nothing was added. When every
   * partition has been added, the blocks are the same whatever the order. With a combine that
   * changes its left argument, ask once, at the end.
   */
  public synchronized Optional<T> result() {
    return blocks.values().stream().map(Block::value).reduce(combine);
  }

  /** How many blocks are held: for the tests. */
  synchronized int held() {
    return blocks.size();
  }

  /** The same blocks in a tree of their own: for a combine that changes neither argument only. */
  public synchronized PartitionTree<T> copy() {
    PartitionTree<T> copy = new PartitionTree<>(combine);
    copy.blocks.putAll(blocks);
    return copy;
  }

  /**
   * The one result each partition of {@code results} gives, combined over the tree as its task
   * ends; empty for no partitions.
   */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> combine(JavaRDD<T> results, BinaryOperator<T> combine) {
    PartitionTree<T> tree = new PartitionTree<>(combine);
    Function2<TaskContext, Iterator<T>, T> first = (Function2<TaskContext, Iterator<T>, T> & Serializable)
        (task, rows) -> rows.next();
    Function2<Object, T, BoxedUnit> handler = (partition, result) -> {
      tree.add((Integer) partition, result);
      return BoxedUnit.UNIT;
    };
    results.context().runJob(results.rdd(), first, handler, (ClassTag<T>) (ClassTag<?>) ClassTag$.MODULE$.AnyRef());
    return tree.result();
  }
}
