package experiment

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
)

// Suggestions for the platform: the last step of the article's pipeline
// (平台优化建议), drawn from what one plan measured, not a playbook. Each
// rests on a figure the plan already computed and says so; none is a
// tested effect of changing anything. `retain plan` prints them and the
// Plan screen shows them, both from PlatformSuggestions: the figures are
// computed here once, and each says them in its language from the fields.

// PlatformSuggestion is one suggestion for the platform with the figures it
// rests on. Text says it in English; the other fields hold its figures for
// a caller that words it otherwise (the Plan screen in Chinese), those of
// its Topic set.
type PlatformSuggestion struct {
	// Topic is "drivers", "budget" or "range".
	Topic string `json:"topic"`
	// Text is the suggestion in English, its figures included.
	Text string `json:"text"`

	// Outcome is the outcome P is the probability of and Drivers the
	// model's main drivers of it, the largest first (drivers).
	Outcome string         `json:"-"`
	Drivers []DriverFigure `json:"-"`
	// Contacts is the best plan's number of contacts and Shares the
	// segments taking the most of them, the most first (budget).
	Contacts int            `json:"-"`
	Shares   []ContactShare `json:"-"`
	// Beyond of the Customers lie beyond the model's training range on a
	// column the extrapolation warning names (CustomersBeyond), BeyondShare
	// of them (range).
	Beyond, Customers int     `json:"-"`
	BeyondShare       float64 `json:"-"`
}

// DriverFigure is one of the model's main drivers as a suggestion says it:
// the mean size of its attribution to P (Size), and the way (Raises) and
// amount (By, ≥ 0) it moves P on average.
type DriverFigure struct {
	Column   string
	Size, By float64
	Raises   bool
}

// ContactShare is one segment's part of the best plan's contacts: its
// share of them (OfContacts) and the share of the segment contacted
// (OfSegment).
type ContactShare struct {
	Segment               Segment
	OfContacts, OfSegment float64
}

// Suggestion topics.
const (
	TopicDrivers = "drivers"
	TopicBudget  = "budget"
	TopicRange   = "range"
)

// PlatformSuggestions draws at most three suggestions from a plan report:
// the columns the model leans on most over these customers (its overall
// drivers), where the best plan's contacts go (the segments taking the
// most of them), and, when more than one in ten of rep.Customers lie
// beyond the model's training range on a column the extrapolation warning
// names (beyond of them, counted by CustomersBeyond), that it is
// extrapolating for them.
func PlatformSuggestions(rep *PlanReport, beyond int) []PlatformSuggestion {
	var out []PlatformSuggestion
	if ds := rep.Drivers[:min(3, len(rep.Drivers))]; len(ds) > 0 {
		p := PlatformSuggestion{Topic: TopicDrivers, Outcome: rep.Outcome}
		for _, d := range ds {
			p.Drivers = append(p.Drivers, DriverFigure{Column: d.Column, Size: d.MeanAbs, By: abs(d.Mean), Raises: d.Mean >= 0})
		}
		out = append(out, p)
	}
	if n := rep.Best.Contacted; n > 0 && !rep.Best.TooSmall() {
		segs := slices.Clone(rep.Segments)
		slices.SortStableFunc(segs, func(p, q PlanSegment) int { return cmp.Compare(q.Contacted, p.Contacted) })
		p := PlatformSuggestion{Topic: TopicBudget, Contacts: n}
		for _, g := range segs[:min(3, len(segs))] {
			if g.Contacted == 0 {
				break
			}
			p.Shares = append(p.Shares, ContactShare{Segment: g.Segment, OfContacts: float64(g.Contacted) / float64(n),
				OfSegment: float64(g.Contacted) / float64(g.Customers)})
		}
		out = append(out, p)
	}
	if rep.Customers > 0 && 10*beyond > rep.Customers {
		out = append(out, PlatformSuggestion{Topic: TopicRange, Beyond: beyond, Customers: rep.Customers,
			BeyondShare: float64(beyond) / float64(rep.Customers)})
	}
	for i := range out {
		out[i].Text = out[i].english()
	}
	return out
}

// english says the suggestion in English from its figures.
func (p PlatformSuggestion) english() string {
	var parts []string
	switch p.Topic {
	case TopicDrivers:
		for _, d := range p.Drivers {
			way := "raises"
			if !d.Raises {
				way = "lowers"
			}
			parts = append(parts, fmt.Sprintf("%s (moves P by %.3f per customer; on average %s it by %.3f)", d.Column, d.Size, way, d.By))
		}
		return fmt.Sprintf("The model's P(%s) rests most on %s: mean integrated-gradients attributions over these customers, against the "+
			"mean training customer. Look first at what the platform does that bears on these; they are the model's "+
			"association, not a tested effect, and a behaviour the customer chooses (orders, visits) is not a setting to turn.",
			p.Outcome, strings.Join(parts, ", "))
	case TopicBudget:
		for _, g := range p.Shares {
			parts = append(parts, fmt.Sprintf("%s %s (%s of the segment)", g.Segment, Percent(g.OfContacts), Percent(g.OfSegment)))
		}
		return fmt.Sprintf("Of the %s contacts of the best plan, %s: where a retention programme would spend, under your assumptions "+
			"and the model's probabilities.", data.Thousands(p.Contacts), strings.Join(parts, ", "))
	case TopicRange:
		return fmt.Sprintf("%s of the %s customers (%s) lie beyond the model's training range on a column the extrapolation warning names and "+
			"were scored at its end: retrain on data like theirs (for an order log, a later cutoff) before acting on their scores.",
			data.Thousands(p.Beyond), data.Thousands(p.Customers), Percent(p.BeyondShare))
	}
	return ""
}

// CustomersBeyond counts the customers the range suggestion speaks of:
// of rows scored rows (beyond holding their cells beyond the training range
// of a clipped column, as Scored.Beyond holds them), those with a cell
// beyond an end of a column's kept range that p.Extrapolations names, the
// rule by which `retain predict` and `retain plan` warn and the Plan
// screen says the model is extrapolating. So the suggestion and the
// warning cannot disagree: the suggestion is made exactly when the
// warning names a column (an end it names holds more than one row in ten,
// so its customers alone make the suggestion's more than one in ten), and
// never of customers that lie beyond only an end it does not name.
//
// A cell beyond an end by itself is no sign of extrapolation: each end is
// the mean of the 10th–19th most extreme training values (for privacy),
// so about 14 training rows in any number lie beyond it, and customers
// drawn from the training population lie beyond it in about that share on
// every end of every column; with many columns nearly every such customer
// lies beyond some end. Counting any cell beyond any end (as this did
// before) raised the suggestion for held-out customers of the very data
// the model was trained on. An end the warning names holds more rows than
// the clipping can explain (more than one in ten, and at least 20: more
// than the 18 training values an end can leave beyond it); a later,
// shifted population crosses it on the columns that moved.
func CustomersBeyond(p *data.Pipeline, beyond map[data.Cell]float64, rows int) int {
	if p == nil {
		return 0
	}
	type end struct {
		column string
		above  bool
	}
	named := map[end]bool{}
	for _, x := range p.Extrapolations(beyond, rows) {
		named[end{x.Column, x.Above}] = true
	}
	if len(named) == 0 {
		return 0
	}
	counted := map[int]bool{}
	for c, v := range beyond {
		pc := &p.Columns[c.Column]
		if named[end{pc.Name, v > pc.Max}] {
			counted[c.Row] = true
		}
	}
	return len(counted)
}
