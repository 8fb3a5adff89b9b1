package org.closer.jobs.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The driver JVM's heap: the peak the pools reached, and the most that was still in use after a
 * collection. The peak follows the heap the JVM is given, as the collector lets garbage pile up;
 * what survives a collection is what the program holds, which must stay flat as studies grow.
 */
final class HeapWatch {
  private final AtomicLong liveAfterGc = new AtomicLong();
  private final Set<String> heapPools = new HashSet<>();

  /** Starts watching the collections from now on. */
  HeapWatch() {
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            liveAfterGc.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
    }
  }

  /** The most heap the pools held at once, garbage included. */
  long peakMb() {
    long bytes = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  /** The most heap in use right after a collection (young collections included). */
  long liveMb() {
    return liveAfterGc.get() >> 20;
  }

  String describe() {
    return "driver heap peak " + peakMb() + " MB, at most " + liveMb() + " MB in use after a collection";
  }
}
