package org.closer.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.closer.core.ingest.FileSummary;
import org.closer.core.ingest.Reason;
import org.closer.core.instrument.Instrument;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;
import org.closer.core.study.StudyConfig;

/** Builds the study report from {@link StudyFacts}, applying small-cell suppression to every person count. */
public final class StudyReport {
  /** Design factors in the order the report shows them, with their headings. */
  private static final Map<String, String> FACTORS = new LinkedHashMap<>();

  static {
    FACTORS.put("modality", "Modality");
    FACTORS.put("method", "Method");
    FACTORS.put("session_minutes", "Session length (minutes)");
  }

  private final StudyConfig study;
  private final InstrumentCatalog catalog;
  private final CellPolicy cells;

  private final ReportCharts charts;

  public StudyReport(StudyConfig study, InstrumentCatalog catalog) {
    this.study = study;
    this.catalog = catalog;
    this.cells = new CellPolicy(study.minCellSize());
    this.charts = new ReportCharts(cells);
  }

  public Report build(StudyFacts facts) {
    List<String> subtitle = new ArrayList<>();
    long surveyFiles = facts.ingest().files().stream().filter(f -> "survey".equals(f.kind())).count();
    subtitle.add(String.format(Locale.ROOT, "%,d survey rows in %d survey files: %,d accepted; %,d rows quarantined.",
        facts.ingest().rows(), surveyFiles, facts.ingest().accepted(), facts.ingest().quarantined()));
    if ("demo".equals(facts.ingest().keyOrigin())) {
      subtitle.add("Pseudonyms were made with the public demo key: fine for the sample study, never for real data.");
    }
    return new Report("Closer report: " + study.name(), subtitle,
        List.of(received(facts), sample(facts), scores(facts), reliability(facts), outcomes(facts), comparisons(facts),
            methods(facts)));
  }

  private Report.Section received(StudyFacts facts) {
    List<Report.Block> blocks = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (FileSummary f : facts.ingest().files()) {
      rows.add(List.of(f.name(), f.format() == null ? "" : f.format(), f.kind() == null ? "" : f.kind(), f.batch(),
          n(f.rows()), n(f.accepted()), n(f.quarantined()),
          String.join(", ", f.identifierColumns()), String.join(", ", f.unknownColumns())));
    }
    blocks.add(new Report.Table("Files", List.of("File", "Format", "Kind", "Batch", "Rows", "Accepted", "Quarantined",
            "Dropped unread (identifying or free text)", "Other columns not read"),
        List.of(false, false, false, false, true, true, true, false, false), rows));
    if (facts.quarantine().isEmpty()) {
      blocks.add(new Report.Paragraph("No row was quarantined."));
    } else {
      Map<String, Map<String, Long>> byReason = new TreeMap<>();
      List<String> clinics = new ArrayList<>();
      for (StudyFacts.ReasonCount c : facts.quarantine()) {
        String clinic = c.clinic() == null ? "(not readable)" : c.clinic();
        if (!clinics.contains(clinic)) {
          clinics.add(clinic);
        }
        byReason.computeIfAbsent(c.reason(), k -> new TreeMap<>()).merge(clinic, c.rows(), Long::sum);
      }
      clinics.sort(null);
      List<String> header = new ArrayList<>(List.of("Reason", "Meaning"));
      header.addAll(clinics);
      List<Boolean> numeric = new ArrayList<>(List.of(false, false));
      clinics.forEach(c -> numeric.add(true));
      List<List<String>> qrows = new ArrayList<>();
      for (var e : byReason.entrySet()) {
        List<String> row = new ArrayList<>(List.of(e.getKey(), meaning(e.getKey())));
        for (String clinic : clinics) {
          row.add(n(e.getValue().getOrDefault(clinic, 0L)));
        }
        qrows.add(row);
      }
      blocks.add(new Report.Table("Quarantined rows by reason and clinic", header, numeric, qrows));
      blocks.add(new Report.Paragraph("Each quarantined row is listed with its file, line and a sentence on what to fix"
          + " in the quarantine dataset. These are counts of rows, not of people."));
    }
    return new Report.Section("received", "Data received", blocks);
  }

  private Report.Section sample(StudyFacts facts) {
    List<Report.Block> blocks = new ArrayList<>();
    List<String> couples = cells.counts(facts.clinics().stream().map(StudyFacts.ClinicCount::couples).toList());
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < facts.clinics().size(); i++) {
      StudyFacts.ClinicCount c = facts.clinics().get(i);
      rows.add(List.of(c.clinic(), n(c.rows()), couples.get(i)));
    }
    blocks.add(new Report.Table("Couples per clinic", List.of("Clinic", "Survey rows", "Couples"),
        List.of(false, true, true), rows));
    for (var factor : FACTORS.entrySet()) {
      List<StudyFacts.GroupCount> groups =
          facts.groups().stream().filter(g -> g.factor().equals(factor.getKey())).toList();
      List<String> shown = cells.counts(groups.stream().map(StudyFacts.GroupCount::couples).toList());
      List<List<String>> grows = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        grows.add(List.of(groups.get(i).level(), shown.get(i)));
      }
      blocks.add(new Report.Table("Couples by " + factor.getValue().toLowerCase(Locale.ROOT),
          List.of(factor.getValue(), "Couples"), List.of(false, true), grows));
    }
    return new Report.Section("sample", "The sample", blocks);
  }

  private Report.Section scores(StudyFacts facts) {
    List<Report.Block> blocks = new ArrayList<>();
    blocks.add(new Report.Paragraph("n counts surveys with a score; people counts the partners behind them, couples"
        + " their couples. Session surveys are pooled over session numbers. Statistics from fewer than "
        + study.minCellSize() + " couples are suppressed."));
    Map<String, String> factors = new LinkedHashMap<>();
    factors.put("all", "All couples");
    factors.putAll(FACTORS);
    for (var factor : factors.entrySet()) {
      List<List<String>> rows = new ArrayList<>();
      // The levels of one score at one timepoint add up to the "all" row: suppress them together.
      Map<String, List<StudyFacts.Descriptive>> cellsOf = new LinkedHashMap<>();
      for (StudyFacts.Descriptive d : facts.descriptives()) {
        if (d.factor().equals(factor.getKey())) {
          cellsOf.computeIfAbsent(d.score() + "\u0000" + d.timepoint(), k -> new ArrayList<>()).add(d);
        }
      }
      for (List<StudyFacts.Descriptive> group : cellsOf.values()) {
        boolean[] hidden = cells.hidden(group.stream().map(StudyFacts.Descriptive::couples).toList());
        for (int i = 0; i < group.size(); i++) {
          StudyFacts.Descriptive d = group.get(i);
          List<String> row = new ArrayList<>(List.of(d.score(), d.timepoint()));
          if (!d.factor().equals("all")) {
            row.add(d.level());
          }
          if (hidden[i]) {
            String shown = cells.hides(d.couples()) ? "<" + study.minCellSize() : CellPolicy.SUPPRESSED;
            row.addAll(List.of(shown, shown, shown, CellPolicy.SUPPRESSED, CellPolicy.SUPPRESSED));
          } else {
            row.addAll(List.of(n(d.n()), n(d.people()), n(d.couples()), fixed(d.mean()), fixed(d.sd())));
          }
          rows.add(row);
        }
      }
      List<String> header = new ArrayList<>(List.of("Score", "Timepoint"));
      List<Boolean> numeric = new ArrayList<>(List.of(false, false));
      if (!factor.getKey().equals("all")) {
        header.add(factor.getValue());
        numeric.add(false);
      }
      header.addAll(List.of("n", "People", "Couples", "Mean", "SD"));
      numeric.addAll(List.of(true, true, true, true, true));
      blocks.add(new Report.Table("Scores by timepoint" + (factor.getKey().equals("all") ? "" : " and "
          + factor.getValue().toLowerCase(Locale.ROOT)), header, numeric, rows));
    }
    List<String> longScores = facts.descriptives().stream().filter(d -> !"session".equals(d.timepoint()))
        .map(StudyFacts.Descriptive::score).distinct().toList();
    for (String score : longScores) {
      add(blocks, charts.scoresByGroup(score, "method", facts.descriptives()));
    }
    facts.loveKinds().stream().map(StudyFacts.LoveCount::instrument).distinct()
        .forEach(instrument -> add(blocks, charts.loveKinds(instrument, facts.loveKinds())));
    return new Report.Section("scores", "Scores", blocks);
  }

  private Report.Section reliability(StudyFacts facts) {
    List<List<String>> rows = new ArrayList<>();
    for (StudyFacts.Reliability r : facts.reliability()) {
      boolean hide = cells.hides(r.n());
      rows.add(List.of(r.score(), r.timepoint(), cells.count(r.n()),
          hide ? CellPolicy.SUPPRESSED : fixed(r.alpha()) + " [" + fixed(r.low()) + ", " + fixed(r.high()) + "]"));
    }
    return new Report.Section("reliability", "Reliability", List.of(
        new Report.Paragraph("Cronbach's alpha with Feldt's 95% interval, from surveys with every item of the subscale"
            + " answered. Session surveys are pooled. Per group and per item (corrected item-total correlations):"
            + " the psychometrics dataset."),
        new Report.Table("Cronbach's alpha by timepoint", List.of("Score", "Timepoint", "n", "Alpha [95% CI]"),
            List.of(false, false, true, true), rows)));
  }

  private Report.Section outcomes(StudyFacts facts) {
    List<Report.Block> blocks = new ArrayList<>();
    blocks.add(new Report.Paragraph("Change from intake to closing. Reliable change after Jacobson and Truax (1991):"
        + " |RCI| > 1.96 with S_diff from the intake SD and the instrument's reliability; recovered means reliably"
        + " improved and across the clinical cut-off. At couple level the unit is the partners' mean."));
    List<List<String>> rows = new ArrayList<>();
    for (StudyFacts.OutcomeSummary o : facts.outcomes()) {
      boolean hide = cells.hides(o.completed());
      List<Long> categories = List.of(o.recovered(), o.improved(), o.unchanged(), o.deteriorated());
      boolean[] hidden = cells.hidden(categories);
      List<String> row = new ArrayList<>(List.of(o.score(), o.level(), cells.count(o.n()), cells.count(o.completed()),
          hide ? CellPolicy.SUPPRESSED : fixed(o.meanChange()) + " (" + fixed(o.sdChange()) + ")"));
      for (int i = 0; i < categories.size(); i++) {
        row.add(hide || hidden[i] ? CellPolicy.SUPPRESSED : share(categories.get(i), o.completed()));
      }
      rows.add(row);
    }
    blocks.add(new Report.Table("Change from intake", List.of("Score", "Level", "With intake", "Completed",
        "Change M (SD)", "Recovered", "Improved", "Unchanged", "Deteriorated"),
        List.of(false, false, true, true, true, true, true, true, true), rows));
    List<List<String>> slopes = new ArrayList<>();
    for (StudyFacts.SlopeSummary sl : facts.slopes()) {
      boolean hide = cells.hides(sl.n());
      slopes.add(List.of(sl.score(), sl.level(), cells.count(sl.n()),
          hide ? CellPolicy.SUPPRESSED : fixed(sl.mean()) + " (" + fixed(sl.sd()) + ")"));
    }
    blocks.add(new Report.Table("Session trajectories: change per session (least-squares slope)",
        List.of("Score", "Level", "With a slope", "Slope M (SD)"), List.of(false, false, true, true), slopes));
    facts.sessions().stream().map(StudyFacts.SessionPoint::score).distinct()
        .forEach(score -> add(blocks, charts.sessionTrajectories(score, "method", facts.sessions())));
    return new Report.Section("outcomes", "Outcomes", blocks);
  }

  private Report.Section comparisons(StudyFacts facts) {
    List<Report.Block> blocks = new ArrayList<>();
    blocks.add(new Report.Paragraph("Differences are group a minus group b: change scores (closing - intake) and"
        + " session slopes. Welch's t with its 95% CI; Hedges' g with a non-central t interval; p adjusted across the"
        + " outcomes of each comparison and level (Holm). At individual level the partners of a couple are not"
        + " independent: see cluster_se, cluster_p and icc in report/tables/comparisons.csv. Equivalent: both one-sided"
        + " tests reject a difference as large as " + study.equivalenceMargin() + " pooled SD (TOST, alpha 0.05)."
        + " Rows with a group of fewer than " + study.minCellSize() + " are suppressed."));
    ComparisonCells comparisonCells = new ComparisonCells(cells, facts.comparisons());
    Map<String, List<org.closer.core.stats.ComparisonResult>> byComparison = new LinkedHashMap<>();
    for (var c : facts.comparisons()) {
      byComparison.computeIfAbsent(c.comparison(), k -> new ArrayList<>()).add(c);
    }
    for (var e : byComparison.entrySet()) {
      List<List<String>> rows = new ArrayList<>();
      for (var c : e.getValue()) {
        if (comparisonCells.hides(c)) {
          rows.add(List.of(c.outcome(), c.level(), CellPolicy.SUPPRESSED, CellPolicy.SUPPRESSED, CellPolicy.SUPPRESSED,
              CellPolicy.SUPPRESSED, "", "", ""));
          continue;
        }
        rows.add(List.of(c.outcome(), c.level(), msd(c.meanA(), c.sdA(), c.nA()), msd(c.meanB(), c.sdB(), c.nB()),
            fixed(c.meanDiff()) + " [" + fixed(c.diffLow()) + ", " + fixed(c.diffHigh()) + "]",
            fixed(c.hedgesG()) + " [" + fixed(c.gLow()) + ", " + fixed(c.gHigh()) + "]",
            p(c.welchP()), p(c.pHolm()), c.equivalent() == null ? "" : c.equivalent() ? "yes" : "no"));
      }
      var first = e.getValue().get(0);
      blocks.add(new Report.Table(e.getKey(), List.of("Outcome", "Level", first.groupA() + " M (SD, n)",
          first.groupB() + " M (SD, n)", "Difference [95% CI]", "g [95% CI]", "p", "p (Holm)", "Equivalent"),
          List.of(false, false, true, true, true, true, true, true, false), rows));
    }
    if (byComparison.isEmpty()) {
      blocks.add(new Report.Paragraph("No comparison had observations in both groups."));
    }
    for (var e : byComparison.entrySet()) {
      add(blocks, charts.forest(e.getKey() + " (couples)",
          e.getValue().stream().filter(c -> "couple".equals(c.level())).toList(), comparisonCells));
    }
    return new Report.Section("comparisons", "Comparisons", blocks);
  }

  private static void add(List<Report.Block> blocks, Report.Figure figure) {
    if (figure != null) {
      blocks.add(figure);
    }
  }

  private static String msd(double mean, double sd, long n) {
    return fixed(mean) + " (" + fixed(sd) + ", " + n + ")";
  }

  /** APA style: three decimals, "< .001" below. */
  private static String p(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p < 0.001 ? "< .001" : String.format(Locale.ROOT, "%.3f", p).replaceFirst("^0", "");
  }

  private static String share(long k, long n) {
    return n == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100.0 * k / n);
  }

  private Report.Section methods(StudyFacts facts) {
    List<Report.Block> blocks = new ArrayList<>();
    blocks.add(new Report.Paragraph("Scoring: each subscale is the mean of its answered items after reverse keying; a"
        + " sum scale is that mean times its number of items. A subscale is scored when at most 20% of its items are"
        + " missing (rounded down), otherwise it is left empty. Kinds of love: a component is high when its score is"
        + " above the threshold (default: the middle of the scale)."));
    blocks.add(new Report.Paragraph("Privacy: couple and therapist codes are replaced by HMAC-SHA256 pseudonyms keyed"
        + " with a secret that is never written; counts and statistics from fewer than " + study.minCellSize()
        + " people are suppressed, with a second cell hidden where one could be derived from a total."));
    List<List<String>> rows = new ArrayList<>();
    for (Instrument i : catalog.instruments()) {
      for (Subscale s : i.subscales()) {
        rows.add(List.of(s.column(), i.name(), s.scoring().name().toLowerCase(Locale.ROOT),
            s.items().size() + " (" + s.maxMissing() + " may be missing)",
            s.cutoff() == null ? "" : (s.cutoff().distressed() == org.closer.core.instrument.Cutoff.Side.BELOW ? "< " : "> ")
                + trim(s.cutoff().value()) + (s.cutoff().confirmed() ? "" : " (unconfirmed)"),
            i.source()));
      }
    }
    blocks.add(new Report.Table("Instruments", List.of("Score", "Instrument", "Scoring", "Items", "Clinical cut-off", "Source"),
        List.of(false, false, false, false, false, false), rows));
    List<List<String>> inputs = new ArrayList<>();
    for (FileSummary f : facts.ingest().files()) {
      inputs.add(List.of(f.name(), f.sha256(), n(f.bytes())));
    }
    blocks.add(new Report.Table("Inputs", List.of("File", "SHA-256", "Bytes"), List.of(false, false, true), inputs));
    return new Report.Section("methods", "Methods", blocks);
  }

  private static String meaning(String reason) {
    try {
      return Reason.valueOf(reason).meaning();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String fixed(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
