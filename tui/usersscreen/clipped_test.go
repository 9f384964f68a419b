package usersscreen

import (
	"math"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// TestFeaturesShowTheUsersOwnValues: the feature table showed the model's
// input in original units, so a value beyond the k-anonymous range read as
// the bound ("days_since_last_visit 55.7" for a user the data records at
// 85, "frequency 5.7" orders). Every numeric value now reads as the data
// holds it, and a clipped one adds the bound the model counted it as.
func TestFeaturesShowTheUsersOwnValues(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := analysed(t, lang, 160, 48)
		e, row := s.Exp(), s.SelectedRow()
		lines := strings.Split(view(s), "\n")
		clipped := 0
		for _, pc := range e.Pipeline.Columns {
			c := e.Data.Table.Column(pc.Name)
			if pc.Kind != data.Numeric || c == nil || math.IsNaN(c.Values[row]) {
				continue
			}
			v := c.Values[row]
			want := pc.Name + " " + strings.Repeat(" ", 21-len(pc.Name)) + displayValue(experiment.FormatValue(v))
			if v < pc.Min || v > pc.Max {
				clipped++
				want += s.T(" (model: ", "（模型按 ")
			} else {
				want += " "
			}
			found := false
			for _, l := range lines {
				found = found || strings.Contains(l, want)
			}
			if !found {
				t.Errorf("%s: no line has %q:\n%s", lang, want, view(s))
			}
		}
		if clipped == 0 {
			t.Fatalf("%s: the selected user has no clipped value; the test needs one", lang)
		}
	}
}
