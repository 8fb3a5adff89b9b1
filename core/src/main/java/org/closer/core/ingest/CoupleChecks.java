package org.closer.core.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks that need all rows of one couple at once, after each row passed its own checks: one
 * roster row per couple, the roster's design on the survey rows, and one row per survey. Within a
 * couple the first row in input order (file name, then line) is kept. The Spark ingest groups rows
 * by couple and calls this; the clinic-side check calls it on a file's rows.
 */
public final class CoupleChecks {
  private static final Comparator<SurveyRecord> SURVEY_ORDER =
      Comparator.comparing(SurveyRecord::file).thenComparingLong(SurveyRecord::line);
  private static final Comparator<RosterRecord> ROSTER_ORDER =
      Comparator.comparing(RosterRecord::file).thenComparingLong(RosterRecord::line);

  private CoupleChecks() {}

  /** The couple's rows after the checks: each with its problems, none dropped. */
  public record Result(List<SurveyRecord> surveys, List<RosterRecord> rosters) {}

  /**
   * @param surveys valid survey rows of one clinic and couple
   * @param rosters valid roster rows of the same clinic and couple
   */
  public static Result check(List<SurveyRecord> surveys, List<RosterRecord> rosters) {
    List<RosterRecord> rosterOut = new ArrayList<>();
    RosterRecord kept = null;
    for (RosterRecord r : rosters.stream().sorted(ROSTER_ORDER).toList()) {
      if (kept == null) {
        kept = r;
        rosterOut.add(r);
      } else {
        rosterOut.add(withProblem(r, CrossRowChecks.duplicateCouple(r.file(), r.line(), kept.file(), kept.line())));
      }
    }
    Design roster = kept == null ? null : kept.design();
    List<SurveyRecord> surveyOut = new ArrayList<>();
    Map<String, SurveyRecord> firstOfSurvey = new HashMap<>();
    for (SurveyRecord s : surveys.stream().sorted(SURVEY_ORDER).toList()) {
      Design.Merged merged = Design.merge(s.design(), roster, s.file(), s.line());
      if (merged.problem() != null) {
        surveyOut.add(with(s, merged.design(), merged.problem()));
        continue;
      }
      String key = s.partner() + "/" + s.timepoint() + "/" + Objects.toString(s.session(), "");
      SurveyRecord first = firstOfSurvey.putIfAbsent(key, s);
      surveyOut.add(first == null
          ? with(s, merged.design(), null)
          : with(s, merged.design(), CrossRowChecks.duplicateSurvey(s.file(), s.line(), first.file(), first.line())));
    }
    return new Result(surveyOut, rosterOut);
  }

  private static SurveyRecord with(SurveyRecord s, Design design, Problem problem) {
    return new SurveyRecord(s.file(), s.line(), s.clinic(), s.couple(), s.partner(), s.timepoint(), s.session(),
        s.month(), design, s.answers(), problem == null ? s.problems() : List.of(problem));
  }

  private static RosterRecord withProblem(RosterRecord r, Problem problem) {
    return new RosterRecord(r.file(), r.line(), r.clinic(), r.couple(), r.design(), r.startMonth(), List.of(problem));
  }
}
