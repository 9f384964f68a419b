package main

import (
	"bytes"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// The Markdown report's net value table writes its three money columns
// alike, so that value − cost gives the net shown, and a ROI with
// thousands separators. The figures are the review's CDNOW encourage plan:
// value 2,415.64, 1,180 contacts at 1.00 each, net 1,235.64 (2,415.64 −
// 1,180), ROI 1,235.64 ÷ 1,180 = 104.7 %; and a share whose value
// 19,095.00 against a cost of 1,000 gives a net of 18,095 and a ROI of
// 1,809.5 %, written 1,810 %; a net of 45.50 (2,045.50 − 2,000) puts the
// three columns to the cent (the old table wrote only the net column so).
func TestPlanMarkdownCurveMoneyAlikeAndROIGrouped(t *testing.T) {
	best := experiment.PlanPoint{Share: 0.05, Contacted: 1180, Outcomes: 83.1, Value: 2415.64, Cost: 1180,
		Net: 1235.64, ROI: 1235.64 / 1180, MeanProb: 0.5, InBudget: true}
	other := experiment.PlanPoint{Share: 0.10, Contacted: 1000, Outcomes: 500, Value: 19095, Cost: 1000,
		Net: 18095, ROI: 18095.0 / 1000, MeanProb: 0.9, InBudget: true}
	small := experiment.PlanPoint{Share: 0.20, Contacted: 2000, Outcomes: 600, Value: 2045.5, Cost: 2000,
		Net: 45.5, ROI: 45.5 / 2000, MeanProb: 0.3, InBudget: true}
	r := &experiment.PlanReport{Target: "encourage", Curve: []experiment.PlanPoint{best, other, small}, Best: best}
	var b bytes.Buffer
	planDoc{report: r}.curve(&b)
	want := "## Net value by share contacted\n\n" +
		"| share | contacted | mean P | expected converted | expected value | cost | net value | ROI |\n" +
		"|---|---:|---:|---:|---:|---:|---:|---:|\n" +
		"| 10 % | 1,000 | 0.900 | 500 | 19,095.00 | 1,000.00 | 18,095.00 | 1,810 % |\n" +
		"| **best: 5 %** | 1,180 | 0.500 | 83 | 2,415.64 | 1,180.00 | 1,235.64 | 105 % |\n" +
		"| 20 % | 2,000 | 0.300 | 600 | 2,045.50 | 2,000.00 | 45.50 | 2 % |\n\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A ROI too large for an int is written in scientific notation; a
// negative one keeps its separators.
func TestPlanROIText(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{17.91, "1,791 %"}, {-12.3456, "-1,235 %"}, {0.5, "50 %"}, {1e20, "1e+22 %"}} {
		if got := roi(c.v); got != c.want {
			t.Errorf("roi(%g) = %q, want %q", c.v, got, c.want)
		}
	}
}
