package org.closer.jobs.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.closer.core.instrument.Instrument;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Item;

/**
 * Simulates one couple's surveys: both partners, intake, 6-12 sessions, closing (unless they drop
 * out) and sometimes a follow-up. Planted effects: EFT raises intimacy more than IBCT; online and
 * face-to-face do equally well. About 2% of items are left unanswered.
 */
final class CoupleSimulator {
  /** A couple's design, as the template spells it. */
  record Couple(String clinic, String code, String modality, String method, int minutes, String therapist,
      int startMonth) {}

  static final String[] SURVEY_ITEMS = {"tls45", "csi16", "csi4", "ors", "srs"};
  /** Share of item answers left empty, completely at random. */
  static final double MISSING = 0.02;
  /** TLS-45 intimacy, the planted effect: latent level at intake and its gain by closing (1-9 scale). */
  static final double INTIMACY_MEAN = 5.4;
  static final double INTIMACY_COUPLE_SD = 0.7;
  static final double INTIMACY_PARTNER_SD = 0.7;
  static final double INTIMACY_GAIN_SD = 0.5;
  /** Each TLS-45 item is the latent level plus this noise, clipped to the scale and rounded. */
  static final double ITEM_NOISE_SD = 0.9;

  /** The planted effect: intimacy rises more under EFT than under IBCT; modality makes no difference. */
  static double intimacyGain(String method) {
    return switch (method) {
      case "EFT" -> 1.3;
      case "IBCT" -> 0.6;
      default -> 0.8;
    };
  }

  private final Instrument tls45;
  private final Instrument csi16;
  private final Instrument csi4;
  private final Instrument ors;
  private final Instrument srs;

  CoupleSimulator(InstrumentCatalog catalog) {
    this.tls45 = catalog.instrument("tls45").orElseThrow();
    this.csi16 = catalog.instrument("csi16").orElseThrow();
    this.csi4 = catalog.instrument("csi4").orElseThrow();
    this.ors = catalog.instrument("ors").orElseThrow();
    this.srs = catalog.instrument("srs").orElseThrow();
  }

  /** The item columns every generated file carries, in order. */
  List<String> itemColumns() {
    List<String> out = new ArrayList<>();
    for (Instrument i : List.of(tls45, csi16, csi4, ors, srs)) {
      i.items().forEach(item -> out.add(item.id()));
    }
    return out;
  }

  static Couple design(SplittableRandom rnd, String clinic, int clinicIndex, int sequence, int therapists) {
    double m = rnd.nextDouble();
    String modality = m < 0.5 ? "online" : m < 0.95 ? "face_to_face" : "mixed";
    double t = rnd.nextDouble();
    String method = t < 0.4 ? "EFT" : t < 0.75 ? "IBCT" : t < 0.85 ? "TBCT" : t < 0.95 ? "Gottman" : "other";
    double l = rnd.nextDouble();
    int minutes = l < 0.3 ? 45 : l < 0.8 ? 60 : 90;
    String code = String.format(Locale.ROOT, "cpl-%d-%04d", clinicIndex, sequence);
    String therapist = String.format(Locale.ROOT, "thr-%d-%02d", clinicIndex, 1 + rnd.nextInt(therapists));
    return new Couple(clinic, code, modality, method, minutes, therapist, rnd.nextInt(36));
  }

  /**
   * Every survey row of the couple: template columns (clinic .. therapist) then the items of
   * {@link #itemColumns()}; empty strings where not answered.
   *
   * @param designOnRows false for a clinic that gives design variables in a roster
   */
  List<String[]> surveys(SplittableRandom rnd, Couple c, boolean designOnRows) {
    int sessions = 6 + rnd.nextInt(7);
    boolean dropout = rnd.nextDouble() < 0.1;
    boolean followup = !dropout && rnd.nextDouble() < 0.25;
    double coupleIntimacy = rnd.nextGaussian() * 0.7;
    double coupleSatisfaction = rnd.nextGaussian() * 7;
    double intimacyGain = switch (c.method()) {
      case "EFT" -> 1.3;
      case "IBCT" -> 0.6;
      default -> 0.8;
    };
    double satisfactionGain = switch (c.method()) {
      case "EFT" -> 12;
      case "IBCT" -> 9;
      default -> 8;
    };
    List<String[]> rows = new ArrayList<>();
    for (String partner : new String[] {"A", "B"}) {
      double intimacy = INTIMACY_MEAN + coupleIntimacy + rnd.nextGaussian() * INTIMACY_PARTNER_SD;
      double passion = 4.8 + rnd.nextGaussian() * 1.1;
      double commitment = 6.3 + rnd.nextGaussian() * 0.9;
      double satisfaction = 44 + coupleSatisfaction + rnd.nextGaussian() * 7;
      double gain = intimacyGain + rnd.nextGaussian() * INTIMACY_GAIN_SD;
      double satGain = satisfactionGain + rnd.nextGaussian() * 5;
      rows.add(longSurvey(rnd, c, partner, "intake", month(rnd, c.startMonth()), designOnRows,
          intimacy, passion, commitment, satisfaction));
      int last = dropout ? 2 + rnd.nextInt(sessions - 2) : sessions;
      for (int s = 1; s <= last; s++) {
        double progress = (double) s / sessions;
        rows.add(sessionSurvey(rnd, c, partner, s, month(rnd, c.startMonth() + s / 4), designOnRows,
            satisfaction + satGain * progress, progress));
      }
      if (!dropout) {
        int closing = c.startMonth() + sessions / 4 + 1;
        rows.add(longSurvey(rnd, c, partner, "closing", month(rnd, closing), designOnRows,
            intimacy + gain, passion + 0.5, commitment + 0.4, satisfaction + satGain));
        if (followup) {
          rows.add(longSurvey(rnd, c, partner, "followup", month(rnd, closing + 3), designOnRows,
              intimacy + gain * 0.9, passion + 0.4, commitment + 0.4, satisfaction + satGain * 0.9));
        }
      }
    }
    return rows;
  }

  private String[] longSurvey(SplittableRandom rnd, Couple c, String partner, String timepoint, String month,
      boolean designOnRows, double intimacy, double passion, double commitment, double satisfaction) {
    String[] row = keys(c, partner, timepoint, "", month, designOnRows);
    int at = 10;
    for (Item item : tls45.items()) {
      double level = item.number() <= 15 ? intimacy : item.number() <= 30 ? passion : commitment;
      row[at++] = answer(rnd, item, level + rnd.nextGaussian() * ITEM_NOISE_SD, 0);
    }
    double share = satisfaction / 81.0;
    for (Item item : csi16.items()) {
      double scored = share * item.max() + rnd.nextGaussian() * 0.7;
      double raw = item.reverse() ? item.min() + item.max() - scored : scored;
      row[at++] = answer(rnd, item, raw, 0);
    }
    for (int k = 0; k < csi4.items().size() + ors.items().size() + srs.items().size(); k++) {
      row[at++] = "";
    }
    return row;
  }

  private String[] sessionSurvey(SplittableRandom rnd, Couple c, String partner, int session, String month,
      boolean designOnRows, double satisfaction, double progress) {
    String[] row = keys(c, partner, "session", Integer.toString(session), month, designOnRows);
    int at = 10 + tls45.items().size() + csi16.items().size();
    double share = satisfaction / 81.0;
    for (Item item : csi4.items()) {
      row[at++] = answer(rnd, item, share * item.max() + rnd.nextGaussian() * 0.6, 0);
    }
    double wellbeing = 4.8 + 2.4 * progress + share * 2;
    for (Item item : ors.items()) {
      row[at++] = answer(rnd, item, wellbeing + rnd.nextGaussian() * 1.2, 1);
    }
    for (Item item : srs.items()) {
      row[at++] = answer(rnd, item, 8.8 + 0.5 * progress + rnd.nextGaussian() * 0.7, 1);
    }
    return row;
  }

  private String[] keys(Couple c, String partner, String timepoint, String session, String month, boolean design) {
    String[] row = new String[10 + itemColumnsCount()];
    row[0] = c.clinic();
    row[1] = c.code();
    row[2] = partner;
    row[3] = timepoint;
    row[4] = session;
    row[5] = month;
    row[6] = design ? c.modality() : "";
    row[7] = design ? c.method() : "";
    row[8] = design ? Integer.toString(c.minutes()) : "";
    row[9] = design ? c.therapist() : "";
    return row;
  }

  private int itemColumnsCount() {
    return tls45.items().size() + csi16.items().size() + csi4.items().size() + ors.items().size() + srs.items().size();
  }

  /** Months are counted from 2023-01; one survey in ten gives a full date, as some tools export. */
  private static String month(SplittableRandom rnd, int offset) {
    int year = 2023 + offset / 12;
    int month = 1 + offset % 12;
    if (rnd.nextDouble() < 0.1) {
      return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, 1 + rnd.nextInt(28));
    }
    return String.format(Locale.ROOT, "%04d-%02d", year, month);
  }

  private static String answer(SplittableRandom rnd, Item item, double value, int decimals) {
    if (rnd.nextDouble() < MISSING) {
      return "";
    }
    double clipped = Math.max(item.min(), Math.min(item.max(), value));
    return decimals == 0
        ? Long.toString(Math.round(clipped))
        : String.format(Locale.ROOT, "%.1f", Math.round(clipped * 10) / 10.0);
  }
}
