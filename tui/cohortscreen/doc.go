// Package cohortscreen is the Cohorts screen: the retention triangle of a
// loaded order log (acquisition cohorts by month or week of first purchase
// × periods since) as a heatmap with the figures in the cells, and the
// average retention curve. The triangle is computed by
// data.CohortRetention in a Cmd; the screen only chooses the period and
// metric, scrolls and draws. Per-user tables get a short empty state.
package cohortscreen
