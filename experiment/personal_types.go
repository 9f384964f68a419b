package experiment

import (
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// maxTypeLevels is the most distinct event types or order statuses that
// can be a category: as many as the loader keeps levels of a category
// (data.CSVOptions.MaxLevels' default); text with more is read as an
// identifier, and pseudonymised.
const maxTypeLevels = 50

// typesNamePeople reports whether the values an order log's note counts
// (its event types or order statuses, each with its lines; a value
// data.OtherEventTypes stands for more) name people by the rule loaded
// text follows (PersonalText): every or nearly every line (3 in 4) a value
// of its own, or at least 9 in 10 of the values written like e-mail
// addresses or phone numbers; or more values than a category has levels,
// which the loader reads as an identifier.
func typesNamePeople(values []string, lines []int) bool {
	levels := make(map[string]struct{}, len(values))
	present := 0
	for i, v := range values {
		if v == data.OtherEventTypes() {
			return true
		}
		levels[v] = struct{}{}
		present += lines[i]
	}
	distinct := len(levels)
	switch {
	case distinct == 0:
		return false
	case distinct > maxTypeLevels, distinct == present, 4*distinct >= 3*present && distinct > 2:
		return true
	}
	return writtenLikeContacts(levels)
}

// withholdTypes returns l as its notes show it under --pseudonymise (k
// set): a copy whose event types or order statuses are withheld when they
// name people (typesNamePeople); l itself otherwise.
func withholdTypes(k *pseudonym.Key, l *data.OrderLog) *data.OrderLog {
	if !k.Enabled() || l == nil {
		return l
	}
	var events, statuses []string
	var eventLines, statusLines []int
	for _, e := range l.EventCounts {
		events, eventLines = append(events, e.Event), append(eventLines, e.Lines)
	}
	for _, s := range l.StatusCounts {
		statuses, statusLines = append(statuses, s.Status), append(statusLines, s.Lines)
	}
	ev, st := typesNamePeople(events, eventLines), l.Columns.Status != "" && typesNamePeople(statuses, statusLines)
	if !ev && !st {
		return l
	}
	nl := *l
	nl.EventTypesWithheld, nl.StatusesWithheld = ev, st
	return &nl
}

// WithholdTypes returns d as its notes show it under --pseudonymise (k
// set): a shallow copy whose order log's event types or order statuses,
// when they name people, its notes and cohort report count without naming
// them (Pseudonymise does the same); d itself otherwise. A command that
// scores d's rows and pseudonymises only their ids prints d's notes so.
func (d *Data) WithholdTypes(k *pseudonym.Key) *Data {
	if d == nil || d.Log == nil {
		return d
	}
	nl := withholdTypes(k, d.Log)
	if nl == d.Log {
		return d
	}
	nd := *d
	nd.Log = nl
	if d.Cohort != nil && nl.EventTypesWithheld {
		c := *d.Cohort
		c.EventNote = nl.EventNote()
		nd.Cohort = &c
	}
	return &nd
}
