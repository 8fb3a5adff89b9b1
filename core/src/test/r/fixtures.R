# Makes the fixture CSVs that reference.R reads. Run once; the CSVs are committed, so the
# reference values do not depend on R's random number generator staying the same.
#   Rscript core/src/test/r/fixtures.R   (from the repository root)
set.seed(20261122)
out <- "core/src/test/resources/stats"

two_groups <- function(na, nb, shift, digits, couples_share = 0.8, na_closing = 2) {
  make <- function(n, group, mu) {
    intake <- round(rnorm(n, 40, 9), digits)
    closing <- round(intake * 0.6 + 20 + mu + rnorm(n, 0, 7), digits)
    data.frame(group = group, intake = intake, closing = closing)
  }
  d <- rbind(make(na, "a", shift), make(nb, "b", 0))
  # couples: partners next to each other share a couple code; some people come alone
  ids <- integer(nrow(d)); next_id <- 1; i <- 1
  while (i <= nrow(d)) {
    pair <- i < nrow(d) && d$group[i] == d$group[i + 1] && runif(1) < couples_share
    ids[i] <- next_id
    if (pair) { ids[i + 1] <- next_id; i <- i + 2 } else { i <- i + 1 }
    next_id <- next_id + 1
  }
  d$couple <- sprintf("c%03d", ids)
  # shared couple effect so that the ICC is not zero
  effect <- rnorm(max(ids), 0, 4)[ids]
  d$closing <- round(d$closing + effect, digits)
  if (na_closing > 0) d$closing[sample(nrow(d), na_closing)] <- NA
  d$recovered <- as.integer(!is.na(d$closing) & d$closing - d$intake > 8)
  d[, c("group", "couple", "intake", "closing", "recovered")]
}

write.csv(two_groups(23, 31, 5, 1), file.path(out, "two_groups_unequal.csv"), row.names = FALSE, na = "")
write.csv(two_groups(2, 5, 3, 0, couples_share = 0, na_closing = 0), file.path(out, "two_groups_small.csv"),
          row.names = FALSE, na = "")
ties <- two_groups(15, 18, 2, 0, na_closing = 1)
ties$intake <- pmin(pmax(round(ties$intake / 10), 1), 5)
ties$closing <- pmin(pmax(round(ties$closing / 10), 1), 5)
write.csv(ties, file.path(out, "two_groups_ties.csv"), row.names = FALSE, na = "")

# five items of one subscale, 1-9, with a common factor and some missing answers
f <- rnorm(40)
items <- sapply(1:5, function(j) pmin(pmax(round(5 + 1.5 * f + rnorm(40, 0, 1.2)), 1), 9))
items[sample(length(items), 6)] <- NA
colnames(items) <- paste0("item", 1:5)
write.csv(items, file.path(out, "items.csv"), row.names = FALSE, na = "")

# one partner's session measure over sessions
write.csv(data.frame(session = c(1:7, 9), value = round(12 + 0.8 * c(1:7, 9) + rnorm(8, 0, 1.5), 1)),
          file.path(out, "trajectory.csv"), row.names = FALSE)
