package org.closer.jobs.compare;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.closer.core.model.Method;
import org.closer.core.model.Modality;
import org.closer.core.model.SessionLength;
import org.closer.core.study.StudyConfig;

/**
 * One comparison to run: a factor, its two groups and the outcomes (empty: all). Made from the
 * study configuration, or, without one, every design factor with every pair of its levels.
 */
record ComparisonPlan(String name, String factor, String groupA, String groupB, List<String> outcomes)
    implements Serializable {

  /**
   * @param levels the levels each factor has in the data
   */
  static List<ComparisonPlan> of(StudyConfig study, Map<String, List<String>> levels) {
    List<StudyConfig.Comparison> wanted = study.comparisons().isEmpty()
        ? StudyConfig.FACTORS.stream().map(f -> new StudyConfig.Comparison(f, null, null)).toList()
        : study.comparisons();
    List<ComparisonPlan> plans = new ArrayList<>();
    for (StudyConfig.Comparison c : wanted) {
      List<String> present = ordered(c.factor(), levels.getOrDefault(c.factor(), List.of()));
      if (!c.groups().isEmpty()) {
        plans.add(plan(c.factor(), c.groups().get(0), c.groups().get(1), c.outcomes()));
        continue;
      }
      for (int i = 0; i < present.size(); i++) {
        for (int j = i + 1; j < present.size(); j++) {
          plans.add(plan(c.factor(), present.get(i), present.get(j), c.outcomes()));
        }
      }
    }
    return plans;
  }

  private static ComparisonPlan plan(String factor, String a, String b, List<String> outcomes) {
    return new ComparisonPlan(factor + ": " + a + " vs " + b, factor, a, b, outcomes);
  }

  /** Levels in the template's order (online before face_to_face, EFT before IBCT, 45 before 90). */
  static List<String> ordered(String factor, List<String> present) {
    List<String> canonical = switch (factor) {
      case "modality" -> Arrays.stream(Modality.values()).map(Modality::code).toList();
      case "method" -> Arrays.stream(Method.values()).map(Method::code).toList();
      default -> Arrays.stream(SessionLength.values()).map(s -> Integer.toString(s.minutes())).toList();
    };
    return Stream.concat(canonical.stream().filter(present::contains),
        present.stream().filter(l -> !canonical.contains(l)).sorted()).toList();
  }
}
