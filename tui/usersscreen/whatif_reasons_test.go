package usersscreen

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// TestWhatIfReasonsAreTheWhatIfs: with TotalCharges set to 5000 (the
// user's own is blank, filled in with 2,456.66), the reasons described
// the user's own values ("TotalCharges = missing → 2456.66") under the
// what-if's table. They are now the explainer's reasons for the what-if
// values, computed here independently (experiment.Explainer.Set and
// Explain on the user's input), said to be the what-if's; esc brings
// the user's own back.
func TestWhatIfReasonsAreTheWhatIfs(t *testing.T) {
	run := telcoLikeRun(t)
	for _, lang := range screentest.Langs {
		s := whatIfOn(t, shopScreen(t, run, lang, 160, 48), "0008-TLK", "TotalCharges")
		s = pressAll(t, s, "enter")
		s = clear(t, s, 20)
		s = typeText(t, s, "5000")
		s = pressAll(t, s, "enter")

		x, err := s.Exp().Row(s.whatIf.row)
		if err != nil {
			t.Fatal(err)
		}
		edited, err := s.explainer().Set(x, "TotalCharges", "5000")
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.explainer().Explain(edited)
		if err != nil {
			t.Fatal(err)
		}
		got, ok, whatIf := s.shownExplanation(s.whatIf.row)
		if !ok || !whatIf || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: shown explanation (ready %v, what-if %v) %+v, want %+v", lang, ok, whatIf, got, want)
		}
		// The strongest reason is TotalCharges = 5000 lowering the
		// probability (the golden TestGoldenUsersWhatIfTypedTotal).
		if want.Reasons[0].Column != "TotalCharges" || want.Reasons[0].Attribution >= 0 {
			t.Fatalf("%s: strongest reason %+v", lang, want.Reasons[0])
		}
		how := s.Tf("of the what-if values: integrated gradients against the average user (%.3f), largest first:",
			"按假设取值：相对平均用户（%.3f）的积分梯度，从大到小：", want.BaselineProb)
		screentest.MustContain(t, view(s), how, s.T("TotalCharges = 5,000 lowers it most", "TotalCharges = 5,000 最能降低它"))
		if v := view(s); strings.Contains(v, "missing → 2") || strings.Contains(v, "缺失 → 2") {
			t.Errorf("%s: the what-if's reasons name the user's own blank:\n%s", lang, v)
		}
		s = pressAll(t, s, "esc")
		if _, _, whatIf := s.shownExplanation(s.list.selected()); whatIf {
			t.Errorf("%s: after esc the reasons are still the what-if's", lang)
		}
		screentest.MustContain(t, view(s), s.T("TotalCharges = missing → 2,456.66", "TotalCharges = 缺失 → 2,456.66"))
	}
}
