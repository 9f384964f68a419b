// Package planscreen is the Plan screen: for the analysed run's validation
// customers, the campaign plan of experiment.NewPlanReport (headline, net
// value against the share contacted, segments with their suggested actions,
// the first contacts) with the user's assumptions edited in place, the
// levers the user marks (each contact's most movable one, found by
// experiment.Explainer.BestLevers) and the export of the target list
// through package exporter, as the Users screen's.
package planscreen
