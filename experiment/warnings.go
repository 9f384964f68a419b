package experiment

import (
	"fmt"
	"math"
	"time"

	"github.com/retainlab/retain/data"
)

// LoadWarning is a problem with the input that did not stop the load. Its
// String is the English shown by the command line; programs that speak
// another language switch on the concrete type (*FutureWarning,
// *WindowWarning) and word its fields.
type LoadWarning interface {
	String() string
}

// FutureWarning reports order lines dated after today. With
// DefaultCutoff, the cutoff was chosen by default from LastUpToToday, the
// last date up to today, so the future lines were ignored.
type FutureWarning struct {
	data.FutureDated
	DefaultCutoff bool
	LastUpToToday time.Time
	// Unlabelled marks rows built without a label (LoadCurrent): their
	// default cutoff is LastUpToToday itself, not a horizon before it.
	Unlabelled bool
}

// AllFuture reports that no order of the log is dated up to today
// (LastUpToToday is zero). Then none is left out for its date: the log is
// read as if today were its last date (data.OrderLog.LastKnown), by every
// default cutoff, recommend, cohorts and backtest alike.
func (w *FutureWarning) AllFuture() bool { return w.LastUpToToday.IsZero() }

// String is the warning in English.
func (w *FutureWarning) String() string {
	s := w.FutureDated.String()
	switch {
	case w.AllFuture():
		s += fmt.Sprintf("; as no order is dated up to today, none of them is left out: the log is read as if today were its last date, %s",
			w.Last.Format(time.DateOnly))
	case w.DefaultCutoff && w.Unlabelled:
		s += fmt.Sprintf("; the default cutoff ignores them (it is the last date up to today, %s)", w.LastUpToToday.Format(time.DateOnly))
	case w.DefaultCutoff:
		s += fmt.Sprintf("; the default cutoff ignores them (it is the last date up to today, %s, minus the horizon)",
			w.LastUpToToday.Format(time.DateOnly))
	}
	return s
}

// EarlyWarning reports order lines dated far before the rest of the log
// (data.EarlyDated): a mistyped year such as 0001 or 1900.
type EarlyWarning struct {
	data.EarlyDated
}

// String is the warning in English.
func (w *EarlyWarning) String() string { return w.EarlyDated.String() }

// earlyWarnings is the EarlyWarning of log, if it has early lines, and
// its DateOrderWarning, if few of its dates showed their order.
func earlyWarnings(log *data.OrderLog) []LoadWarning {
	var out []LoadWarning
	if e := log.EarlyDated(); e != nil {
		out = append(out, &EarlyWarning{*e})
	}
	return append(out, dateOrderWarnings(log)...)
}

// WindowWarning reports a label window Cutoff .. End that runs past Last,
// the log's last date: repeat orders after it are unseen, so some
// customers who will order again are labelled Negative. Latest is the
// latest cutoff the log covers. With UpToToday, the log has lines dated
// after today, which move no end (data.OrderLog.LastKnown): Last is its
// last date up to today. First is the log's first date: when Latest is
// before it, no cutoff fits the horizon (NoCutoffFits).
type WindowWarning struct {
	Path                             string
	Cutoff, End, First, Last, Latest time.Time
	Negative                         string
	UpToToday                        bool
}

// NoCutoffFits reports that the horizon is longer than the log: every
// cutoff from its first date on leaves a label window running past Last.
func (w *WindowWarning) NoCutoffFits() bool {
	return !w.First.IsZero() && w.Latest.Before(w.First)
}

// SpanDays is the number of days from the log's first date to Last: the
// longest horizon a cutoff on the first date leaves inside the log.
func (w *WindowWarning) SpanDays() int { return int(math.Round(w.Last.Sub(w.First).Hours() / 24)) }

// HorizonDays is the label window's length in days.
func (w *WindowWarning) HorizonDays() int { return int(math.Round(w.End.Sub(w.Cutoff).Hours() / 24)) }

// String is the warning in English.
func (w *WindowWarning) String() string {
	last := "the log's last date"
	if w.UpToToday {
		last = "the log's last date up to today"
	}
	s := fmt.Sprintf("%s: the label window %s .. %s runs past %s %s: orders after it are unseen, so some customers who will order again are labelled %q",
		w.Path, w.Cutoff.Format(time.DateOnly), w.End.Format(time.DateOnly), last, w.Last.Format(time.DateOnly), w.Negative)
	if w.NoCutoffFits() {
		return s + fmt.Sprintf("; no cutoff fits: the log spans %d days (%s .. %s) and the horizon is %d days; choose a horizon of at most %d days",
			w.SpanDays(), w.First.Format(time.DateOnly), w.Last.Format(time.DateOnly), w.HorizonDays(), w.SpanDays())
	}
	return s + "; choose a cutoff on or before " + w.Latest.Format(time.DateOnly)
}

// BlankWarning reports kept order lines whose amount, price or quantity
// held no number (data.BlankNumbers): their orders count, the number as 0.
type BlankWarning struct {
	Path string
	data.BlankNumbers
}

// String is the warning in English.
func (w *BlankWarning) String() string { return w.Path + ": " + w.BlankNumbers.String() }

// blankWarnings is a *BlankWarning for log when it has such lines.
func blankWarnings(path string, log *data.OrderLog) []LoadWarning {
	if log.Blank.Lines == 0 {
		return nil
	}
	return []LoadWarning{&BlankWarning{Path: path, BlankNumbers: log.Blank}}
}

// DecimalCommaWarning reports a column of a table read as a category
// whose values look like numbers written with a decimal comma (Cells
// quotes one or two: data.Reason.DecimalComma): a file not separated by
// semicolons reads them as text, so the model sees each value as a level,
// not as a number.
type DecimalCommaWarning struct {
	Path, Column string
	Cells        [2]string
	// Pseudonymised is set when Data.Pseudonymise replaced the column's
	// cells (text that names people, no longer a category): Cells then
	// holds their pseudonyms, and the warning quotes none of them.
	Pseudonymised bool
}

// Shown returns the cells the warning quotes: none once pseudonymised.
func (w *DecimalCommaWarning) Shown() []string {
	return data.Reason{DecimalComma: w.Cells, DecimalCommaHidden: w.Pseudonymised}.DecimalCommaCells()
}

// String is the warning in English.
func (w *DecimalCommaWarning) String() string {
	if w.Pseudonymised {
		return fmt.Sprintf("%s: column %q is not read as numbers: %s", w.Path, w.Column, data.DecimalCommaText(nil))
	}
	return fmt.Sprintf("%s: column %q is read as a category: %s", w.Path, w.Column, data.DecimalCommaText(w.Shown()))
}

// decimalCommaWarnings is a *DecimalCommaWarning for each column of t,
// not excluded, that is a category of numbers written with a decimal
// comma.
func decimalCommaWarnings(t *data.Table) []LoadWarning {
	var out []LoadWarning
	for _, c := range t.Columns {
		if c.Kind == data.Categorical && !c.Excluded && c.Why.DecimalComma[0] != "" {
			out = append(out, &DecimalCommaWarning{Path: t.Source, Column: c.Name, Cells: c.Why.DecimalComma})
		}
	}
	return out
}
