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
// tested effect of changing anything.

// PlatformSuggestion is one suggestion for the platform with the figure it
// rests on.
type PlatformSuggestion struct {
	// Topic is "drivers", "budget" or "range".
	Topic string `json:"topic"`
	// Text is the suggestion in English, its figures included.
	Text string `json:"text"`
}

// PlatformSuggestions draws at most three suggestions from a plan report:
// the columns the model leans on most over these customers (its overall
// drivers), where the best plan's contacts go (the segments taking the
// most of them), and, when more than one in ten of rep.Customers lie
// beyond the model's training range on some column (beyond of them,
// counted by CustomersBeyond), that it is extrapolating for them.
func PlatformSuggestions(rep *PlanReport, beyond int) []PlatformSuggestion {
	var out []PlatformSuggestion
	if ds := rep.Drivers[:min(3, len(rep.Drivers))]; len(ds) > 0 {
		var parts []string
		for _, d := range ds {
			way := "raises"
			if d.Mean < 0 {
				way = "lowers"
			}
			parts = append(parts, fmt.Sprintf("%s (moves P by %.3f per customer; on average %s it by %.3f)",
				d.Column, d.MeanAbs, way, abs(d.Mean)))
		}
		out = append(out, PlatformSuggestion{Topic: "drivers", Text: fmt.Sprintf(
			"The model's P(%s) rests most on %s: mean integrated-gradients attributions over these customers, against the "+
				"mean training customer. Look first at what the platform does that bears on these; they are the model's "+
				"association, not a tested effect, and a behaviour the customer chooses (orders, visits) is not a setting to turn.",
			rep.Outcome, strings.Join(parts, ", "))})
	}
	if n := rep.Best.Contacted; n > 0 && !rep.Best.TooSmall() {
		segs := slices.Clone(rep.Segments)
		slices.SortStableFunc(segs, func(p, q PlanSegment) int { return cmp.Compare(q.Contacted, p.Contacted) })
		var parts []string
		for _, g := range segs[:min(3, len(segs))] {
			if g.Contacted == 0 {
				break
			}
			parts = append(parts, fmt.Sprintf("%s %s (%s of the segment)", g.Segment, Percent(float64(g.Contacted)/float64(n)),
				Percent(float64(g.Contacted)/float64(g.Customers))))
		}
		out = append(out, PlatformSuggestion{Topic: "budget", Text: fmt.Sprintf(
			"Of the %s contacts of the best plan, %s: where a retention programme would spend, under your assumptions "+
				"and the model's probabilities.", data.Thousands(n), strings.Join(parts, ", "))})
	}
	if rep.Customers > 0 && 10*beyond > rep.Customers {
		out = append(out, PlatformSuggestion{Topic: "range", Text: fmt.Sprintf(
			"%s of the %s customers (%s) lie beyond the model's training range on at least one column and were scored at "+
				"its end: retrain on data like theirs (for an order log, a later cutoff) before acting on their scores.",
			data.Thousands(beyond), data.Thousands(rep.Customers), Percent(float64(beyond)/float64(rep.Customers)))})
	}
	return out
}

// CustomersBeyond counts the rows holding at least one cell beyond the
// training range of a clipped column (beyond as Scored.Beyond holds it).
func CustomersBeyond(beyond map[data.Cell]float64) int {
	rows := map[int]bool{}
	for c := range beyond {
		rows[c.Row] = true
	}
	return len(rows)
}
