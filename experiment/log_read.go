package experiment

import (
	"fmt"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/recommend"
)

// ReadLog reads the order log of a "log" source without building a cohort,
// for work over several cutoffs (Backtest). now is the current time: order
// lines dated after it are reported in the warnings, as Load does.
func ReadLog(src Source, open Opener, now time.Time) (*data.OrderLog, []LoadWarning, error) {
	return readLog(src, open, now, false, nil)
}

// ReadItemLog reads the order log of a "log" source for recommendation:
// as ReadLog, keeping each item's description when the log has a
// description column, and reduced to baskets of items. A log without an
// item column is refused (recommend.ErrNoItems). The lines of the items
// exclude names are left out (recommend.FromOrderLog).
func ReadItemLog(src Source, open Opener, now time.Time, exclude ...string) (*recommend.Log, []LoadWarning, error) {
	ol, warnings, err := readLog(src, open, now, true, exclude)
	if err != nil {
		return nil, nil, err
	}
	l, err := recommend.FromOrderLog(ol, exclude...)
	if err != nil {
		return nil, nil, err
	}
	return l, warnings, nil
}

// ReadItemLogNotes is ReadItemLog for a list of the items to leave out as
// a person writes it (recommend --exclude-items), read as the Recommend
// screen reads its field (recommend.ItemList, against the log's items),
// that also returns the notes on how the log was read (LogReadNotes), for
// the load summary: under --pseudonymise (k set) its event types or order
// statuses counted without naming them when they name people.
func ReadItemLogNotes(src Source, open Opener, now time.Time, excludeList string, k *pseudonym.Key) (*recommend.Log, []string, []LoadWarning, error) {
	ol, warnings, err := readLog(src, open, now, true, recommend.ItemListWatch(excludeList))
	if err != nil {
		return nil, nil, nil, err
	}
	l, err := recommend.FromOrderLog(ol, recommend.ItemList(excludeList, ol.Items)...)
	if err != nil {
		return nil, nil, nil, err
	}
	return l, LogReadNotes(src.Path, withholdTypes(k, ol)), warnings, nil
}

// LogReadNotes lists, for the load summary of a command that reads an
// order log without building a cohort of it, what train says of the same
// log: LogNotes, then the lines read, the orders made of them and the
// lines left out with why (data.OrderLog.LoadNote), that last only when a
// line was left out or netted into its order as a discount, or the date
// order was inferred. No note has "note: ".
func LogReadNotes(path string, log *data.OrderLog) []string {
	notes := LogNotes(path, log)
	if log.LeftOut() != "" || log.Discounts > 0 || log.DateNote() != "" {
		notes = append(notes, log.LoadNote(path))
	}
	return notes
}

// readLog reads src's order log, with the item descriptions when
// descriptions is set, looking out for the items watch names on the lines
// left out (data.LogOptions.WatchItems).
func readLog(src Source, open Opener, now time.Time, descriptions bool, watch []string) (*data.OrderLog, []LoadWarning, error) {
	opts, err := src.logOptions(now)
	if err != nil {
		return nil, nil, err
	}
	opts.Descriptions, opts.WatchItems = descriptions, watch
	if src.Kind != "log" {
		return nil, nil, fmt.Errorf("%w: kind %q is not an order log", ErrSource, src.Kind)
	}
	if strings.TrimSpace(src.Path) == "" {
		return nil, nil, fmt.Errorf("%w: a log source needs a file path", ErrSource)
	}
	f, err := open(src.Path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	log, err := data.ReadOrderLog(f, src.Path, opts)
	if err != nil {
		return nil, nil, err
	}
	var warnings []LoadWarning
	if fd := log.FutureDated(); fd != nil {
		warnings = append(warnings, &FutureWarning{FutureDated: *fd, LastUpToToday: log.LastUpToToday})
	}
	warnings = append(warnings, earlyWarnings(log)...)
	warnings = append(warnings, blankWarnings(src.Path, log)...)
	return log, warnings, nil
}
