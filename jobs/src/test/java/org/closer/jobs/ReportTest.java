package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.closer.jobs.cli.Closer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of a study where one method group has 9 couples: nothing of that group is shown, in
 * the HTML, its tables, its JSON or its charts, and no total gives it away. The page is
 * self-contained and renders in headless Chromium with every chart.
 */
class ReportTest {
  private static final String SMALL = "CBCT";
  private static final Pattern STATISTIC = Pattern.compile("-?\\d+(\\.\\d+)?%?|.*\\d\\.\\d.*");
  private static Path out;

  @BeforeAll
  static void runAStudyWithAGroupOfNine() throws IOException {
    Path dir = Files.createTempDirectory("closer-small-group");
    Path study = Files.createDirectories(dir.resolve("study"));
    try (Stream<Path> files = Files.list(SampleStudyTest.STUDY)) {
      for (Path f : files.toList()) {
        Files.copy(f, study.resolve(f.getFileName()));
      }
    }
    // Nine couples of clinic c01 become the only CBCT couples.
    Path c01 = study.resolve("clinic-c01.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(c01));
    Set<String> nine = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String couple = line.split(",", -1)[1];
      if (nine.size() < 9 && couple.startsWith("cpl-")) {
        nine.add(couple);
      }
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length > 7 && nine.contains(f[1])) {
        f[7] = SMALL;
        lines.set(i, String.join(",", f));
      }
    }
    Files.write(c01, lines);
    out = dir.resolve("out");
    assertEquals(0, Closer.execute("run", "--input", study.toString(), "--out", out.toString()));
  }

  @Test
  void aGroupOfNineShowsNoStatisticAnywhere() throws IOException {
    Document html = Jsoup.parse(out.resolve("report/report.html").toFile(), "UTF-8");
    int tables = 0;
    for (Element table : html.select("table")) {
      List<List<String>> rows = new ArrayList<>();
      List<String> header = table.select("thead th").eachText();
      for (Element tr : table.select("tbody tr")) {
        rows.add(tr.select("td").eachText());
      }
      tables += check(table.select("caption").text(), header, rows);
    }
    assertTrue(tables >= 3, "tables with the small group checked: " + tables);
    try (Stream<Path> csvs = Files.list(out.resolve("report/tables"))) {
      for (Path csv : csvs.toList()) {
        List<String> lines = Files.readAllLines(csv);
        List<List<String>> rows = lines.subList(1, lines.size()).stream().map(ReportTest::cells).toList();
        check(csv.getFileName().toString(), cells(lines.get(0)), rows);
      }
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("report/summary.json").toFile());
    for (JsonNode section : summary.get("sections")) {
      for (JsonNode block : section.get("blocks")) {
        if (block.has("rows")) {
          List<String> header = new ArrayList<>();
          block.get("header").forEach(h -> header.add(h.asText()));
          List<List<String>> rows = new ArrayList<>();
          block.get("rows").forEach(r -> {
            List<String> row = new ArrayList<>();
            r.forEach(c -> row.add(c.asText()));
            rows.add(row);
          });
          check(block.get("caption").asText(), header, rows);
        }
        if (block.has("figure")) {
          assertFalse(block.get("alt").asText().contains(SMALL) || block.get("png").asText().contains("cbct"),
              "a chart draws the small group: " + block.get("alt").asText());
        }
      }
    }
  }

  /** Rows naming the small group, and tables comparing it, show no statistic; its count is not recoverable. */
  private static int check(String caption, List<String> header, List<List<String>> rows) {
    boolean comparesIt = caption.contains(SMALL) || header.stream().anyMatch(h -> h.contains(SMALL));
    int checked = 0;
    for (List<String> row : rows) {
      boolean namesIt = row.stream().anyMatch(c -> c.equals(SMALL) || c.contains(SMALL + " vs") || c.contains("vs " + SMALL));
      if (!namesIt && !comparesIt) {
        continue;
      }
      checked = 1;
      for (int i = 0; i < row.size(); i++) {
        String c = row.get(i).trim();
        String column = i < header.size() ? header.get(i) : "";
        boolean label = column.equalsIgnoreCase("outcome") || column.equalsIgnoreCase("level") || column.equals("factor")
            || column.equals("comparison") || column.startsWith("group_") || column.equals("outcome")
            || column.equalsIgnoreCase("score") || column.equalsIgnoreCase("timepoint");
        assertFalse(!label && STATISTIC.matcher(c).matches(),
            "'" + caption + "', column '" + column + "' shows " + c + " for the group of 9: " + row);
      }
    }
    if (rows.stream().anyMatch(r -> r.contains(SMALL)) && header.contains("Couples")) {
      long hidden = rows.stream().filter(r -> r.stream().anyMatch(c -> c.startsWith("<") || c.equals("suppressed"))).count();
      assertTrue(hidden >= 2, "'" + caption + "': a second cell is hidden so that the total does not give the group away");
    }
    return checked;
  }

  private static List<String> cells(String line) {
    return List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).stream().map(c -> c.replace("\"", "")).toList();
  }

  @Test
  void theReportIsSelfContainedAndItsChartsRenderInChromium() throws Exception {
    Path page = out.resolve("report/report.html");
    Document html = Jsoup.parse(page.toFile(), "UTF-8");
    assertTrue(html.select("[src], [href]").stream().allMatch(e -> {
      String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      return url.startsWith("data:image/png;base64,") || url.startsWith("#");
    }), "no external resource");
    assertFalse(html.outerHtml().contains("http://") || html.outerHtml().contains("https://"), "no external URL");
    List<Element> figures = html.select("figure img");
    assertTrue(figures.size() >= 8, "charts in the report: " + figures.size());
    for (Element img : figures) {
      BufferedImage chart = ImageIO.read(new ByteArrayInputStream(
          Base64.getDecoder().decode(img.attr("src").substring("data:image/png;base64,".length()))));
      assertTrue(chart != null && chart.getWidth() >= 400 && !img.attr("alt").isBlank(), img.attr("alt"));
    }

    Path chromium = Path.of("/usr/bin/chromium");
    Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed here (.ci/run installs it)");
    // Kept in the module's target folder, where a reader of the build can look at it.
    Path shot = Files.createDirectories(Path.of("target")).resolve("report-screenshot.png").toAbsolutePath();
    Path profile = Files.createTempDirectory("closer-chromium");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,12000", "--screenshot=" + shot,
        page.toUri().toString()).redirectErrorStream(true).redirectOutput(out.resolve("chromium.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    BufferedImage png = ImageIO.read(shot.toFile());
    assertTrue(png != null && png.getWidth() == 1280, "a screenshot was written: " + Files.readString(out.resolve("chromium.log")));
    Set<Integer> colours = new HashSet<>();
    int chartBlue = 0;
    for (int y = 0; y < png.getHeight(); y += 3) {
      for (int x = 0; x < png.getWidth(); x += 3) {
        int rgb = png.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        chartBlue += rgb == 0x0969da ? 1 : 0;
      }
    }
    assertTrue(colours.size() > 50, "the page is not blank: " + colours.size() + " colours");
    assertTrue(chartBlue > 500, "the charts' first colour is on the page: " + chartBlue + " pixels");

    // Every chart, down the whole page, as Chromium decoded and laid it out: a probe copy of the
    // page (the report itself has no script) records what loaded, and Chromium prints its DOM.
    Path probe = out.resolve("report/probe.html");
    Files.writeString(probe, Files.readString(page).replace("</body>", "<script>window.addEventListener('load', () => {"
        + "const shown = [...document.querySelectorAll('figure img')].filter(i => i.complete && i.naturalWidth >= 400"
        + " && i.getBoundingClientRect().width > 0);"
        + "document.body.setAttribute('data-charts', shown.length);});</script></body>"));
    Process dom = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory("closer-chromium"), "--virtual-time-budget=10000", "--dump-dom",
        probe.toUri().toString()).redirectOutput(out.resolve("dom.html").toFile())
        .redirectError(out.resolve("chromium-dom.log").toFile()).start();
    assertTrue(dom.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    Document rendered = Jsoup.parse(out.resolve("dom.html").toFile(), "UTF-8");
    assertEquals(String.valueOf(figures.size()), rendered.body().attr("data-charts"),
        "every chart decoded and laid out by Chromium");
    System.out.println("report: " + Files.size(page) + " bytes, " + figures.size() + " charts; screenshot " + shot);
  }
}
