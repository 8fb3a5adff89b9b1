package org.closer.core.dataset;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaBuilder.FieldAssembler;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Item;
import org.closer.core.instrument.Subscale;
import org.closer.core.score.LoveClassifier;

/**
 * The Avro schema of every output dataset, derived from the instrument catalog. The files in
 * {@code schemas/*.avsc} are these schemas for the built-in catalog (a test keeps them equal); the
 * Spark writer checks each dataset against them before writing.
 */
public final class DatasetSchemas {
  private static final String NAMESPACE = "org.closer.datasets";

  /** The datasets Closer writes, by directory name under the output folder. */
  public enum Dataset {
    RESPONSES("responses"),
    QUARANTINE("quarantine"),
    SCORES("scores"),
    COUPLE_SCORES("couple_scores"),
    OUTCOMES("outcomes"),
    TRAJECTORIES("trajectories"),
    PSYCHOMETRICS("psychometrics"),
    COMPARISONS("comparisons");

    private final String dir;

    Dataset(String dir) {
      this.dir = dir;
    }

    public String dir() {
      return dir;
    }
  }

  private final InstrumentCatalog catalog;

  public DatasetSchemas(InstrumentCatalog catalog) {
    this.catalog = catalog;
  }

  public Schema schema(Dataset dataset) {
    return switch (dataset) {
      case RESPONSES -> responses();
      case QUARANTINE -> quarantine();
      case SCORES -> scores();
      case COUPLE_SCORES -> coupleScores();
      case OUTCOMES -> outcomes();
      case TRAJECTORIES -> trajectories();
      case PSYCHOMETRICS -> psychometrics();
      case COMPARISONS -> comparisons();
    };
  }

  private Schema responses() {
    FieldAssembler<Schema> f = record("responses", "One validated survey row per partner per survey.");
    lineage(f);
    surveyKeys(f, true);
    design(f);
    for (Item item : catalog.items()) {
      f.name(item.id()).doc("Answer to item " + item.number() + " as given (not reverse-keyed); null when not answered.")
          .type().optional().doubleType();
    }
    return f.endRecord();
  }

  private Schema quarantine() {
    FieldAssembler<Schema> f = record("quarantine", "One refused input row with the reason; nothing else of the row is kept.");
    lineage(f);
    f.name("clinic").doc("Clinic code, when it could be read.").type().optional().stringType();
    f.name("couple").doc("Couple pseudonym, when the row's clinic and couple could be read.").type().optional().stringType();
    f.name("partner").doc("A or B, when it could be read.").type().optional().stringType();
    f.name("timepoint").doc("intake, session, closing or followup, when it could be read.").type().optional().stringType();
    f.name("session").doc("Session number, when it could be read.").type().optional().intType();
    f.name("reason").doc("Reason code of the first problem (see README: quarantine reasons).").type().stringType().noDefault();
    f.name("column").doc("Column of the first problem; null for the whole row.").type().optional().stringType();
    f.name("value").doc("The offending value as written; null for identifier columns and whole-row problems.")
        .type().optional().stringType();
    f.name("detail").doc("Every problem of the row, one sentence each, separated by ' | '.").type().stringType().noDefault();
    return f.endRecord();
  }

  private Schema scores() {
    FieldAssembler<Schema> f = record("scores", "Subscale scores per partner per survey, with the couple's design.");
    surveyKeys(f, true);
    design(f);
    for (Subscale s : catalog.subscales()) {
      f.name(s.column()).doc(s.scoring().name().toLowerCase(java.util.Locale.ROOT) + " score; null when the instrument"
              + " was not given or more than " + s.maxMissing() + " of its " + s.items().size() + " items are missing.")
          .type().optional().doubleType();
      f.name(s.column() + "_answered").doc("Number of the subscale's " + s.items().size() + " items answered.")
          .type().intType().noDefault();
    }
    for (String column : loveColumns()) {
      f.name(column).doc("Sternberg's kind of love (non_love, liking, infatuation, empty_love, romantic, companionate,"
          + " fatuous, consummate); null unless all three components are scored.").type().optional().stringType();
    }
    return f.endRecord();
  }

  private Schema coupleScores() {
    FieldAssembler<Schema> f = record("couple_scores", "Per couple and survey: the partners' mean and discrepancy.");
    f.name("clinic").doc("Clinic code given by the study.").type().stringType().noDefault();
    f.name("couple").doc("Couple pseudonym (HMAC-SHA256 of clinic and the clinic's code).").type().stringType().noDefault();
    f.name("timepoint").doc("intake, session, closing or followup.").type().stringType().noDefault();
    f.name("session").doc("Session number for session surveys; null otherwise.").type().optional().intType();
    f.name("month").doc("Earliest month (YYYY-MM) in which a partner filled the survey.").type().stringType().noDefault();
    design(f);
    f.name("partners").doc("Number of partners with a survey row (1 or 2).").type().intType().noDefault();
    f.name("both_answered").doc("Whether both partners filled in this survey.").type().booleanType().noDefault();
    for (Subscale s : catalog.subscales()) {
      f.name(s.column() + "_mean").doc("Mean of the partners' scores that exist.").type().optional().doubleType();
      f.name(s.column() + "_discrepancy").doc("|A - B|; null unless both partners are scored.").type().optional().doubleType();
    }
    return f.endRecord();
  }

  private Schema outcomes() {
    FieldAssembler<Schema> f = record("outcomes",
        "Change from intake per partner and per couple for every score measured at a long survey.");
    unit(f);
    f.name("score").doc("Score column, for example tls45_intimacy.").type().stringType().noDefault();
    number(f, "intake", "Score at intake (for a couple: the partners' mean).");
    number(f, "closing", "Score at closing; null when there is no closing survey.");
    number(f, "followup", "Score at follow-up; null when there is none.");
    number(f, "change", "closing - intake.");
    number(f, "followup_change", "followup - intake.");
    number(f, "rci", "Jacobson-Truax reliable change index: change / S_diff, S_diff = sqrt(2) SD_intake sqrt(1 - r_xx).");
    f.name("category").doc("recovered, improved, unchanged or deteriorated (Jacobson-Truax); null without a closing score.")
        .type().optional().stringType();
    number(f, "reliability", "r_xx used for the RCI: the published alpha, or the sample's intake alpha.");
    number(f, "cutoff", "Clinical cut-off used for 'recovered': published, or c / a from the study's norms; null: none.");
    f.name("sessions_attended").doc("Distinct session numbers with a session survey (of either partner, for a couple).")
        .type().intType().noDefault();
    f.name("dropped_out").doc("No closing survey (for a couple: from neither partner).").type().booleanType().noDefault();
    return f.endRecord();
  }

  private Schema trajectories() {
    FieldAssembler<Schema> f = record("trajectories",
        "Least-squares slope of each session measure over session number, per partner and per couple.");
    unit(f);
    f.name("score").doc("Session measure, for example ors_total.").type().stringType().noDefault();
    f.name("sessions").doc("Number of sessions with a score.").type().intType().noDefault();
    number(f, "slope", "Change per session (lm(score ~ session)); null below two sessions.");
    number(f, "slope_se", "Standard error of the slope; null below three sessions.");
    return f.endRecord();
  }

  private Schema psychometrics() {
    FieldAssembler<Schema> f = record("psychometrics",
        "Cronbach's alpha and corrected item-total correlations per subscale, timepoint and group; one row per item.");
    f.name("score").doc("Subscale column, for example tls45_intimacy.").type().stringType().noDefault();
    f.name("timepoint").doc("intake, session (pooled), closing or followup.").type().stringType().noDefault();
    f.name("factor").doc("all, modality, method or session_minutes.").type().stringType().noDefault();
    f.name("level").doc("The factor's level, or all.").type().stringType().noDefault();
    f.name("n").doc("Surveys with every item of the subscale answered (complete cases).").type().longType().noDefault();
    number(f, "alpha", "Cronbach's alpha from the item covariance matrix.");
    number(f, "alpha_low", "Feldt 95% lower bound.");
    number(f, "alpha_high", "Feldt 95% upper bound.");
    f.name("item").doc("Item column, for example tls45_3.").type().stringType().noDefault();
    number(f, "item_rest", "Corrected item-total correlation: the item with the sum of the other items (r.drop).");
    return f.endRecord();
  }

  private Schema comparisons() {
    FieldAssembler<Schema> f = record("comparisons", "Two groups of one design factor compared on one outcome at one level.");
    f.name("comparison").doc("factor: group_a vs group_b.").type().stringType().noDefault();
    f.name("factor").doc("modality, method or session_minutes.").type().stringType().noDefault();
    f.name("outcome").doc("<score>_change (closing - intake) or <score>_slope (per session).").type().stringType().noDefault();
    f.name("level").doc("individual (partners, clustered by couple) or couple (partners' mean).").type().stringType().noDefault();
    f.name("group_a").doc("First group; every difference is a - b.").type().stringType().noDefault();
    f.name("group_b").doc("Second group.").type().stringType().noDefault();
    f.name("n_a").doc("Observations in group a.").type().longType().noDefault();
    f.name("n_b").doc("Observations in group b.").type().longType().noDefault();
    number(f, "mean_a", "Mean in group a.");
    number(f, "sd_a", "SD in group a.");
    number(f, "mean_b", "Mean in group b.");
    number(f, "sd_b", "SD in group b.");
    number(f, "mean_diff", "mean_a - mean_b.");
    number(f, "diff_low", "Welch 95% CI, lower (t.test).");
    number(f, "diff_high", "Welch 95% CI, upper.");
    number(f, "welch_t", "Welch t.");
    number(f, "welch_df", "Welch-Satterthwaite degrees of freedom.");
    number(f, "welch_p", "Two-sided p of Welch's t-test.");
    number(f, "hedges_g", "Hedges' g (pooled SD, exact small-sample correction), as effectsize::hedges_g.");
    number(f, "g_low", "95% CI of g, lower (non-central t).");
    number(f, "g_high", "95% CI of g, upper.");
    number(f, "mwu_w", "Mann-Whitney W of group a (wilcox.test, normal approximation, continuity correction).");
    number(f, "mwu_p", "Two-sided p of the Mann-Whitney test.");
    number(f, "rank_biserial", "Rank-biserial correlation, 2 W / (n_a n_b) - 1.");
    number(f, "ancova_diff", "Difference at closing adjusted for intake: lm(closing ~ group + intake); change outcomes only.");
    number(f, "ancova_low", "95% CI of the adjusted difference, lower.");
    number(f, "ancova_high", "95% CI of the adjusted difference, upper.");
    number(f, "ancova_p", "Two-sided p of the adjusted difference.");
    number(f, "tost_margin", "Equivalence margin in raw units: the study's margin (default g = 0.25) times the pooled SD.");
    number(f, "tost_p", "TOST p: the larger of the two one-sided Welch tests against -margin and +margin.");
    f.name("equivalent").doc("tost_p < 0.05: the groups differ by less than the margin; null when not computable.")
        .type().optional().booleanType();
    number(f, "success_a", "Share recovered or improved (reliable change) in group a; change outcomes only.");
    number(f, "success_b", "Share recovered or improved in group b.");
    number(f, "risk_diff", "success_a - success_b.");
    number(f, "rd_low", "95% CI of the risk difference, lower (prop.test, correct = FALSE).");
    number(f, "rd_high", "95% CI of the risk difference, upper.");
    number(f, "fisher_p", "Fisher's exact test of recovered-or-improved by group.");
    number(f, "cluster_se", "Individual level: SE of mean_diff clustered by couple (sandwich::vcovCL, HC1).");
    number(f, "cluster_p", "Individual level: two-sided p with the clustered SE (t, n - 2 df).");
    number(f, "icc", "Individual level: within-couple intraclass correlation (ANOVA estimate; may be negative).");
    number(f, "p_holm", "welch_p adjusted by Holm across the outcomes of this comparison and level.");
    number(f, "p_bh", "welch_p adjusted by Benjamini-Hochberg across the outcomes of this comparison and level.");
    return f.endRecord();
  }

  /** Who an outcome row is about: a partner or a couple, with the couple's design. */
  private static void unit(FieldAssembler<Schema> f) {
    f.name("level").doc("individual (one partner) or couple (the partners' mean).").type().stringType().noDefault();
    f.name("clinic").doc("Clinic code given by the study.").type().stringType().noDefault();
    f.name("couple").doc("Couple pseudonym.").type().stringType().noDefault();
    f.name("partner").doc("A or B; null at couple level.").type().optional().stringType();
    design(f);
  }

  private static void number(FieldAssembler<Schema> f, String name, String doc) {
    f.name(name).doc(doc).type().optional().doubleType();
  }

  /** The love-kind columns, in catalog order. */
  private List<String> loveColumns() {
    return new LoveClassifier(catalog, java.util.Map.of()).rules().stream().map(LoveClassifier.Rule::column).toList();
  }

  private static FieldAssembler<Schema> record(String name, String doc) {
    return SchemaBuilder.record(name).namespace(NAMESPACE).doc(doc).fields();
  }

  private static void lineage(FieldAssembler<Schema> f) {
    f.name("source_file").doc("Input file name (no folder).").type().stringType().noDefault();
    f.name("source_line").doc("Line in the input file, 1 = header.").type().longType().noDefault();
  }

  private static void surveyKeys(FieldAssembler<Schema> f, boolean withPartner) {
    f.name("clinic").doc("Clinic code given by the study.").type().stringType().noDefault();
    f.name("couple").doc("Couple pseudonym (HMAC-SHA256 of clinic and the clinic's code).").type().stringType().noDefault();
    if (withPartner) {
      f.name("partner").doc("A or B, stable within a couple.").type().stringType().noDefault();
    }
    f.name("timepoint").doc("intake, session, closing or followup.").type().stringType().noDefault();
    f.name("session").doc("Session number for session surveys; null otherwise.").type().optional().intType();
    f.name("month").doc("Month the survey was filled, YYYY-MM.").type().stringType().noDefault();
  }

  private static void design(FieldAssembler<Schema> f) {
    f.name("modality").doc("online, face_to_face or mixed.").type().stringType().noDefault();
    f.name("method").doc("EFT, IBCT, TBCT, Gottman, CBCT or other.").type().stringType().noDefault();
    f.name("session_minutes").doc("Planned session length: 45, 60 or 90.").type().intType().noDefault();
    f.name("therapist").doc("Therapist pseudonym; null when not given.").type().optional().stringType();
  }
}
