package experiment

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/data"
)

// LogFeatures records how an order log's cohort features were made, so
// that scoring a later log builds exactly the same columns. A model file
// written before the field has none (the zero value): its rows were made
// with the first feature set, which ForLog asks for.
type LogFeatures struct {
	// Version is the data.CohortOptions feature set; 0 when training means
	// the latest (data.CohortFeaturesVersion).
	Version int `json:"version"`
	// The windows in days: orders_30d, orders_90d and spend_trend
	// (data.ShortWindowDays, LongWindowDays, TrendWindowDays). 0 when
	// training means this build's.
	ShortWindowDays int `json:"short_window_days,omitempty"`
	LongWindowDays  int `json:"long_window_days,omitempty"`
	TrendWindowDays int `json:"trend_window_days,omitempty"`
	// BTYD adds the BG/NBD quantities fitted on the history up to the
	// cutoff: btyd_p_alive, btyd_expected_<H>d and btyd_p_any_<H>d.
	BTYD bool `json:"btyd,omitempty"`
	// Events are the event types of an event log counted as features
	// (data.CohortOptions.Events), chosen from the training log by
	// data.DefaultEventTypes; none for an order log.
	Events []string `json:"events,omitempty"`
}

// isZero reports a feature set a model file written before the field
// records: nothing at all.
func (f LogFeatures) isZero() bool {
	return f.Version == 0 && f.ShortWindowDays == 0 && f.LongWindowDays == 0 && f.TrendWindowDays == 0 && !f.BTYD && len(f.Events) == 0
}

// forTraining is the feature set training makes of log: this build's
// (resolve) with the event types data.DefaultEventTypes chooses.
func (f LogFeatures) forTraining(log *data.OrderLog, path string) (LogFeatures, error) {
	f, err := f.resolve(path)
	f.Events = data.DefaultEventTypes(log)
	return f, err
}

// options are the data.CohortOptions of the feature set.
func (f LogFeatures) options() data.CohortOptions {
	return data.CohortOptions{Version: f.Version, Events: f.Events}
}

// resolve fills in this build's defaults and refuses a feature set or
// windows this build cannot make.
func (f LogFeatures) resolve(path string) (LogFeatures, error) {
	if f.Version == 0 {
		f.Version = data.CohortFeaturesVersion
	}
	if f.Version < 0 || f.Version > data.CohortFeaturesVersion {
		return f, mismatch("%s: the model's rows were made with cohort feature set %d, and this build of retain makes sets 1 to %d: use a newer retain",
			path, f.Version, data.CohortFeaturesVersion)
	}
	want := [3]int{data.ShortWindowDays, data.LongWindowDays, data.TrendWindowDays}
	got := [3]int{f.ShortWindowDays, f.LongWindowDays, f.TrendWindowDays}
	for i := range got {
		if got[i] == 0 {
			got[i] = want[i]
		}
	}
	if got != want {
		return f, mismatch("%s: the model's rows were made with windows of %d, %d and %d days, and this build makes %d, %d and %d",
			path, got[0], got[1], got[2], want[0], want[1], want[2])
	}
	f.ShortWindowDays, f.LongWindowDays, f.TrendWindowDays = got[0], got[1], got[2]
	return f, nil
}

// String describes the feature set for notes: "feature set 2, windows
// 30/90 days, trend 30 days, BG/NBD on".
func (f LogFeatures) String() string {
	s := fmt.Sprintf("feature set %d, windows %d/%d days, trend %d days", f.Version, f.ShortWindowDays, f.LongWindowDays, f.TrendWindowDays)
	if f.BTYD {
		s += ", BG/NBD on"
	}
	return s
}

// LogNotes lists, for the load summary, how the order log at path was
// read: the workbook sheet, the title lines above the header, the columns
// renamed for repeating an earlier column's name, the column
// read for each role and those not used (OrderLog.RolesNote), then day
// numbers, order statuses, number marks, float ids and order ids "C" +
// digits kept as orders when they apply.
// Each note starts with path; none has "note: ".
func LogNotes(path string, log *data.OrderLog) []string {
	var notes []string
	if log.Workbook != nil {
		notes = append(notes, fmt.Sprintf("%s: %s", path, log.Workbook.Note()))
	}
	if n := log.TitlesNote(); n != "" {
		notes = append(notes, fmt.Sprintf("%s: %s", path, n))
	}
	for _, n := range log.RenamedNotes() {
		notes = append(notes, fmt.Sprintf("%s: %s", path, n))
	}
	notes = append(notes, fmt.Sprintf("%s: %s", path, log.RolesNote()))
	for _, n := range []string{log.DayNumbersNote(), log.StatusNote(), log.NumberNote(), log.WidthNote(), log.FloatIDNote(), log.KeptCNote()} {
		if n != "" {
			notes = append(notes, fmt.Sprintf("%s: %s", path, n))
		}
	}
	return notes
}

// featureNotes lists, for the load summary, the cohort features made and
// those not made with why: no column is dropped silently.
func featureNotes(d *Data) []string {
	if d.Cohort == nil {
		return nil
	}
	var notes []string
	if d.Log != nil {
		notes = LogNotes(d.Source.Path, d.Log)
	}
	notes = append(notes, fmt.Sprintf("%s: features made from the log (%s): %s",
		d.Source.Path, d.Source.Features, strings.Join(d.Cohort.Features, ", ")))
	if n := idNote(d.Cohort, d.Log); n != "" {
		notes = append(notes, fmt.Sprintf("%s: %s", d.Source.Path, n))
	}
	if len(d.Cohort.Skipped) > 0 {
		parts := make([]string, len(d.Cohort.Skipped))
		for i, s := range d.Cohort.Skipped {
			parts[i] = s.String()
		}
		notes = append(notes, fmt.Sprintf("%s: features not made: %s", d.Source.Path, strings.Join(parts, "; ")))
	}
	return notes
}

// CheckCohort refuses (a *MismatchError) a cohort that lacks a column the
// model was trained on because the log cannot give it, such as
// distinct_items from a log without an item column; other data pass.
func (b *Bundle) CheckCohort(d *Data) error {
	if d.Cohort == nil {
		return nil
	}
	return b.checkCohort(d.Cohort, d.Table, d.Source.Path)
}

// checkCohort is CheckCohort for a cohort report and its table made from
// the log at path.
func (b *Bundle) checkCohort(rep *data.CohortReport, t *data.Table, path string) error {
	if b.Pipeline == nil {
		return nil
	}
	for _, pc := range b.Pipeline.Columns {
		for _, s := range rep.Skipped {
			if s.Name == pc.Name {
				return mismatch("%s was trained on the feature %s, which %s cannot give: %s; give its column with --log-columns or score a log that has it",
					b.name(), s.Name, path, s.Reason)
			}
		}
		if strings.HasPrefix(pc.Name, "btyd_") && t.Column(pc.Name) == nil {
			return mismatch("%s was trained on the BG/NBD feature %s, which was not made from %s",
				b.name(), pc.Name, path)
		}
	}
	return nil
}

// idNote says why the cohort's id column is not named after the log's
// customer column, "" when it is or when the log has no header (its
// columns have no names to lend; the roles note numbers them).
func idNote(rep *data.CohortReport, log *data.OrderLog) string {
	if rep.IDRenamed == data.IDKept || log != nil && log.Headerless {
		return ""
	}
	why := "a name that reads as a column number"
	if rep.IDRenamed == data.IDTaken {
		why = "a name that a feature, the label or a column of the scores has or may have"
	}
	return fmt.Sprintf("the customer ids of column %q are the id column %q of the per-customer table and its scores: %q is %s",
		rep.CustomerColumn, rep.IDName, rep.CustomerColumn, why)
}
