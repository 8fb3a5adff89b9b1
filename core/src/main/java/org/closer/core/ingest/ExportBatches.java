package org.closer.core.ingest;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.closer.core.Messages;
import org.closer.core.UserException;

/**
 * Which uploads a run reads. Each file is a batch identified by its SHA-256: a second copy of the
 * same bytes adds nothing. Exports of the same survey from the same clinic (same folder, same name
 * once the tool's export stamp is taken off: {@code Intake_November 20, 2026_10.12.csv},
 * {@code Study_DATA_2026-11-20_1012.csv}, {@code export (2).csv}, {@code export-v2.csv}) are one
 * slot; the newest replaces the older ones whole.
 */
public final class ExportBatches {
  private ExportBatches() {}

  /** One uploaded file: its name relative to the input folder and its SHA-256. */
  public record Upload(String name, String sha256) {}

  /** What became of an upload: read, or the upload it is the same as or is replaced by. */
  public record Decision(Upload upload, String sameAs, String replacedBy) {
    public boolean read() {
      return sameAs == null && replacedBy == null;
    }
  }

  private static final Pattern COPY = Pattern.compile("(?i)^(.*?)(?: \\((\\d+)\\)|[ _-]v(\\d+)|[ _-](?:corrected|fixed|new|rev)(\\d*))$");
  private static final Pattern QUALTRICS = Pattern.compile("^(.*?)_([A-Z][a-z]+ \\d{1,2}, \\d{4})_(\\d{1,2})\\.(\\d{2})$");
  private static final Pattern ISO = Pattern.compile(
      "^(.*?)[ _-]+(\\d{4})-?(\\d{2})-?(\\d{2})(?:[ _T-]+(\\d{2})[.:-]?(\\d{2})(?:[.:-]?(\\d{2}))?)?$");
  private static final DateTimeFormatter QUALTRICS_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  /** Where a file sits among the versions of its slot. */
  record Version(String slot, LocalDateTime stamp, int copy) {}

  static Version version(String name) {
    int slash = name.lastIndexOf('/');
    String folder = slash < 0 ? "" : name.substring(0, slash + 1);
    String file = name.substring(slash + 1);
    int dot = file.lastIndexOf('.');
    String stem = dot > 0 ? file.substring(0, dot) : file;
    String extension = dot > 0 ? file.substring(dot).toLowerCase(Locale.ROOT) : "";
    int copy = 0;
    Matcher m = COPY.matcher(stem);
    if (m.matches() && !m.group(1).isBlank()) {
      stem = m.group(1);
      copy = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(3) != null ? Integer.parseInt(m.group(3))
          : m.group(4).isEmpty() ? 1 : Integer.parseInt(m.group(4));
    }
    LocalDateTime stamp = null;
    m = QUALTRICS.matcher(stem);
    if (m.matches()) {
      try {
        stamp = java.time.LocalDate.parse(m.group(2), QUALTRICS_DATE)
            .atTime(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        stem = m.group(1);
      } catch (java.time.DateTimeException e) {
        stamp = null;
      }
    }
    m = ISO.matcher(stem);
    if (stamp == null && m.matches() && !m.group(1).isBlank()) {
      try {
        stamp = LocalDateTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
        stem = m.group(1);
      } catch (java.time.DateTimeException e) {
        stamp = null;
      }
    }
    return new Version(folder + stem.trim().toLowerCase(Locale.ROOT) + extension, stamp, copy);
  }

  private static final Comparator<Version> NEWEST_LAST = Comparator
      .comparing(Version::stamp, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingInt(Version::copy);

  /** A decision for every upload, in the order given. */
  public static List<Decision> decide(List<Upload> uploads) {
    Map<String, Upload> bySha = new HashMap<>();
    Map<String, List<Upload>> slots = new LinkedHashMap<>();
    Map<Upload, String> sameAs = new HashMap<>();
    for (Upload u : uploads) {
      Upload first = bySha.putIfAbsent(u.sha256(), u);
      if (first != null) {
        sameAs.put(u, first.name());
      } else {
        slots.computeIfAbsent(version(u.name()).slot(), k -> new ArrayList<>()).add(u);
      }
    }
    Map<Upload, String> replacedBy = new HashMap<>();
    for (List<Upload> slot : slots.values()) {
      if (slot.size() < 2) {
        continue;
      }
      List<Upload> ordered = new ArrayList<>(slot);
      ordered.sort(Comparator.comparing(u -> version(u.name()), NEWEST_LAST));
      Upload newest = ordered.get(ordered.size() - 1);
      Upload runnerUp = ordered.get(ordered.size() - 2);
      if (NEWEST_LAST.compare(version(newest.name()), version(runnerUp.name())) == 0) {
        throw UserException.inputRefused(Messages.cannot("tell which export replaces the other", null,
            runnerUp.name() + " and " + newest.name(), "They look like two exports of one survey; remove the one that is"
                + " out of date from the input folder, or give the newer one a later date in its name"));
      }
      ordered.subList(0, ordered.size() - 1).forEach(u -> replacedBy.put(u, newest.name()));
    }
    List<Decision> out = new ArrayList<>();
    for (Upload u : uploads) {
      out.add(new Decision(u, sameAs.get(u), replacedBy.get(u)));
    }
    return out;
  }
}
