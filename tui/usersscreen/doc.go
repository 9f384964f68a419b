// Package usersscreen is the Users screen: every user of the analysed run
// in a virtualised table (sorted, filtered by risk band and by right or
// wrong at the shared decision threshold, searched by id), a detail pane
// with the user's features and the reasons for their probability, a
// what-if editor that re-scores an edited copy of the user, and the export
// of the shown users as a scores CSV (experiment.WriteScoresCSV).
//
// The screen formats and routes; the scoring, explanations and the CSV
// come from package experiment.
package usersscreen
