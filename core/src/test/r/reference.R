# Reference values for Closer's statistics (core/src/test/java/org/closer/core/stats/RReferenceTest.java).
# Reads the committed fixtures and writes core/src/test/resources/stats/reference.csv: one row per
# value with the R call that produced it. Run from the repository root:
#   Rscript core/src/test/r/reference.R
# Needs Debian's r-base-core, r-cran-effectsize, r-cran-sandwich and r-cran-psych (.ci/run installs them).
suppressPackageStartupMessages({
  library(effectsize)
  library(sandwich)
  library(psych)
})
dir <- "core/src/test/resources/stats"
rows <- list()
put <- function(fixture, statistic, value, call) {
  rows[[length(rows) + 1]] <<- data.frame(fixture = fixture, statistic = statistic,
                                          value = sprintf("%.17g", value), call = call)
}

for (name in c("two_groups_unequal", "two_groups_small", "two_groups_ties")) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  d$change <- d$closing - d$intake
  cc <- d[!is.na(d$change), ]
  x <- cc$change[cc$group == "a"]
  y <- cc$change[cc$group == "b"]
  cc$grp <- factor(cc$group, levels = c("b", "a"))

  w <- t.test(x, y)
  put(name, "welch_diff", unname(w$estimate[1] - w$estimate[2]), "t.test(x, y)$estimate[1] - [2]")
  put(name, "welch_low", w$conf.int[1], "t.test(x, y)$conf.int[1]")
  put(name, "welch_high", w$conf.int[2], "t.test(x, y)$conf.int[2]")
  put(name, "welch_t", unname(w$statistic), "t.test(x, y)$statistic")
  put(name, "welch_df", unname(w$parameter), "t.test(x, y)$parameter")
  put(name, "welch_p", w$p.value, "t.test(x, y)$p.value")

  g <- hedges_g(x, y)
  put(name, "hedges_g", g$Hedges_g, "effectsize::hedges_g(x, y)$Hedges_g")
  put(name, "g_low", g$CI_low, "effectsize::hedges_g(x, y)$CI_low")
  put(name, "g_high", g$CI_high, "effectsize::hedges_g(x, y)$CI_high")
  sp <- sd_pooled(x, y)
  put(name, "sd_pooled", sp, "effectsize::sd_pooled(x, y)")

  mw <- wilcox.test(x, y, exact = FALSE, correct = TRUE)
  put(name, "mwu_w", unname(mw$statistic), "wilcox.test(x, y, exact = FALSE, correct = TRUE)$statistic")
  put(name, "mwu_p", mw$p.value, "wilcox.test(x, y, exact = FALSE, correct = TRUE)$p.value")
  put(name, "rank_biserial", rank_biserial(x, y)$r_rank_biserial, "effectsize::rank_biserial(x, y)$r_rank_biserial")

  fit <- lm(closing ~ grp + intake, data = cc)
  put(name, "ancova_diff", unname(coef(fit)["grpa"]), "coef(lm(closing ~ grp + intake))['grpa']")
  put(name, "ancova_low", confint(fit)["grpa", 1], "confint(lm(closing ~ grp + intake))['grpa', 1]")
  put(name, "ancova_high", confint(fit)["grpa", 2], "confint(lm(closing ~ grp + intake))['grpa', 2]")
  put(name, "ancova_p", coef(summary(fit))["grpa", 4], "coef(summary(lm(closing ~ grp + intake)))['grpa', 4]")

  margin <- 0.25 * sp
  p_lower <- t.test(x, y, mu = -margin, alternative = "greater")$p.value
  p_upper <- t.test(x, y, mu = margin, alternative = "less")$p.value
  put(name, "tost_p", max(p_lower, p_upper),
      "max(t.test(x, y, mu = -m, alternative = 'greater')$p.value, t.test(x, y, mu = m, alternative = 'less')$p.value), m = 0.25 * sd_pooled(x, y)")

  ra <- cc$recovered[cc$group == "a"]
  rb <- cc$recovered[cc$group == "b"]
  pt2 <- prop.test(c(sum(ra), sum(rb)), c(length(ra), length(rb)), correct = FALSE)
  put(name, "rd_low", pt2$conf.int[1], "prop.test(c(xa, xb), c(na, nb), correct = FALSE)$conf.int[1]")
  put(name, "rd_high", pt2$conf.int[2], "prop.test(c(xa, xb), c(na, nb), correct = FALSE)$conf.int[2]")
  tab <- matrix(c(sum(ra), length(ra) - sum(ra), sum(rb), length(rb) - sum(rb)), 2, byrow = TRUE)
  put(name, "fisher_p", fisher.test(tab)$p.value, "fisher.test(matrix(c(xa, na - xa, xb, nb - xb), 2, byrow = TRUE))$p.value")

  one <- lm(change ~ grp, data = cc)
  vc <- vcovCL(one, cluster = ~couple, type = "HC1")
  se <- sqrt(vc["grpa", "grpa"])
  put(name, "cluster_se", se, "sqrt(sandwich::vcovCL(lm(change ~ grp), cluster = ~couple, type = 'HC1')['grpa', 'grpa'])")
  put(name, "cluster_p", 2 * pt(-abs(coef(one)["grpa"] / se), df.residual(one)),
      "2 * pt(-abs(coef / se), df.residual(lm(change ~ grp))), as lmtest::coeftest")

  sizes <- table(cc$couple)
  if (any(sizes > 1)) {
    a <- anova(lm(change ~ grp + factor(couple), data = cc))
    msb <- a["factor(couple)", "Mean Sq"]
    msw <- a["Residuals", "Mean Sq"]
    G <- length(sizes)
    N <- nrow(cc)
    nc2 <- tapply(cc$couple, cc$group, function(cs) sum(table(cs)^2))
    ng <- table(cc$group)
    k0 <- (N - sum(nc2 / ng[names(nc2)])) / (G - 2)
    put(name, "icc", (msb - msw) / (msb + (k0 - 1) * msw),
        "(MSB - MSW) / (MSB + (k0 - 1) MSW) from anova(lm(change ~ grp + factor(couple)))")
  }
}

# Jacobson-Truax reliable change on the first fixture: S_diff from the intake SD of everyone
# with an intake, r_xx = 0.85, clinical cut-off 45 (distressed below).
d <- read.csv(file.path(dir, "two_groups_unequal.csv"))
sdiff <- sqrt(2) * sd(d$intake) * sqrt(1 - 0.85)
cc <- d[!is.na(d$closing), ]
rci <- (cc$closing - cc$intake) / sdiff
category <- ifelse(rci > 1.96, ifelse(cc$intake < 45 & cc$closing >= 45, "recovered", "improved"),
                   ifelse(rci < -1.96, "deteriorated", "unchanged"))
put("reliable_change", "s_diff", sdiff, "sqrt(2) * sd(intake) * sqrt(1 - 0.85)")
for (i in 1:5) {
  put("reliable_change", sprintf("rci_%d", i), rci[i], "(closing - intake) / s_diff, complete rows in file order")
}
for (k in c("recovered", "improved", "unchanged", "deteriorated")) {
  put("reliable_change", k, sum(category == k), "Jacobson-Truax category counts, cut-off 45, |RCI| > 1.96")
}

for (q in list(c(2.1, 12, 1.5), c(-1.3, 7.5, 0.4), c(0.7, 30, -2), c(3.9, 45, 3.2), c(1, 3, 0), c(5, 200, 4.8))) {
  put("pt_grid", sprintf("pt(%g, %g, %g)", q[1], q[2], q[3]), pt(q[1], q[2], q[3]), sprintf("pt(%g, df = %g, ncp = %g)", q[1], q[2], q[3]))
}

p <- c(0.01, 0.04, 0.03, 0.2, NA, 0.0001, 0.04)
for (i in seq_along(p)) {
  put("p_adjust", sprintf("holm_%d", i), p.adjust(p, "holm")[i], "p.adjust(c(0.01, 0.04, 0.03, 0.2, NA, 0.0001, 0.04), 'holm')")
  put("p_adjust", sprintf("bh_%d", i), p.adjust(p, "BH")[i], "p.adjust(c(0.01, 0.04, 0.03, 0.2, NA, 0.0001, 0.04), 'BH')")
}

items <- read.csv(file.path(dir, "items.csv"))
complete <- items[complete.cases(items), ]
al <- psych::alpha(complete, warnings = FALSE)
put("items", "alpha", al$total$raw_alpha, "psych::alpha(items[complete.cases(items), ])$total$raw_alpha")
ci <- psych::alpha.ci(al$total$raw_alpha, nrow(complete), ncol(complete), digits = 17)
put("items", "alpha_low", ci$lower.ci, "psych::alpha.ci(alpha, n.obs, n.var)$lower.ci (Feldt)")
put("items", "alpha_high", ci$upper.ci, "psych::alpha.ci(alpha, n.obs, n.var)$upper.ci (Feldt)")
for (j in 1:5) {
  put("items", sprintf("r_drop_%d", j), al$item.stats$r.drop[j], "psych::alpha(items[complete.cases(items), ])$item.stats$r.drop")
}

tr <- read.csv(file.path(dir, "trajectory.csv"))
s <- coef(summary(lm(value ~ session, data = tr)))
put("trajectory", "slope", s["session", 1], "coef(summary(lm(value ~ session)))['session', 1]")
put("trajectory", "slope_se", s["session", 2], "coef(summary(lm(value ~ session)))['session', 2]")

out <- do.call(rbind, rows)
write.csv(out, file.path(dir, "reference.csv"), row.names = FALSE)
cat(R.version.string, "| effectsize", format(packageVersion("effectsize")), "| sandwich",
    format(packageVersion("sandwich")), "| psych", format(packageVersion("psych")), "\n")
cat("wrote", nrow(out), "reference values\n")
