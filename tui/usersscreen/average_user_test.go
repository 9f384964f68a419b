package usersscreen

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// TestDetailShowsTheAverageUser: the detail's last column was headed
// "typical" (中位数 or 典型值 in Chinese) and held the most common level or
// the median, while the reasons above it are measured against the mean
// training user (review 12, finding 4: "Fiber optic … typical Fiber optic"
// beside a +0.052 reason for Fiber optic). It is now that user, in both
// languages: a level's share of the training rows, and for a number the
// value the mean transformed input stands for. days_since_last_login is
// never below 0, so the default pipeline takes ln(1+v) before z-scoring;
// the mean of z-scores maps back to e^(mean of ln(1+v)) − 1.
func TestDetailShowsTheAverageUser(t *testing.T) {
	run := shopRun(t)
	for _, lang := range []string{"en", "zh"} {
		s := shopScreen(t, run, lang, 120, 40)
		e := s.Exp()
		row := 0 // C0001, plan basic
		plan, logins := e.Data.Table.Column("plan"), e.Data.Table.Column("days_since_last_login")
		// The pipeline clips a number to its k-anonymous range first.
		var lo, hi float64
		for _, pc := range e.Pipeline.Columns {
			if pc.Name == "days_since_last_login" {
				lo, hi = pc.Min, pc.Max
			}
		}
		same, sumLog := 0, 0.0
		for _, r := range e.TrainRows {
			if plan.Strings[r] == plan.Strings[row] {
				same++
			}
			sumLog += math.Log1p(min(max(logins.Values[r], lo), hi))
		}
		n := float64(len(e.TrainRows))
		want := map[string]string{
			"plan":                  common.Percent(float64(same) / n),
			"days_since_last_login": experiment.FormatValue(math.Expm1(sumLog / n)),
		}
		lines, _ := s.featureLines(100, row, 0)
		header := map[string]string{"en": "average", "zh": "平均用户"}[lang]
		if !strings.HasSuffix(strings.TrimRight(ansi.Strip(lines[0]), " "), header) {
			t.Errorf("%s: header %q, want it to end with %q", lang, ansi.Strip(lines[0]), header)
		}
		for _, l := range lines[1:] {
			f := strings.Fields(ansi.Strip(l))
			if w, ok := want[f[0]]; ok {
				if !strings.HasSuffix(strings.Join(f, " "), " "+w) {
					t.Errorf("%s: %q, want it to end with the average %q", lang, ansi.Strip(l), w)
				}
				delete(want, f[0])
			}
		}
		if len(want) > 0 {
			t.Errorf("%s: no line for %v in\n%s", lang, want, ansi.Strip(strings.Join(lines, "\n")))
		}
	}
}
