package usersscreen

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
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
		// A reason is TotalCharges = 5000, the what-if value. (It was the
		// strongest, lowering the probability, while the user's blank
		// total also moved a was-missing input; the file's 6 blank totals
		// are now too few for one, data.MinGroup.)
		i := slices.IndexFunc(want.Reasons, func(r experiment.Reason) bool { return r.Column == "TotalCharges" })
		if i < 0 || want.Reasons[i].Value != "5000" {
			t.Fatalf("%s: reasons %+v", lang, want.Reasons)
		}
		how := s.Tf("of the what-if values: integrated gradients against the average user (%.3f), largest first:",
			"按假设取值：相对平均用户（%.3f）的积分梯度，从大到小：", want.BaselineProb)
		screentest.MustContain(t, view(s), how, "TotalCharges = 5,000")
		if v := view(s); strings.Contains(v, "missing → 2") || strings.Contains(v, "缺失 → 2") {
			t.Errorf("%s: the what-if's reasons name the user's own blank:\n%s", lang, v)
		}
		s = pressAll(t, s, "esc")
		// The user's own reasons again: Explain on the user's own input
		// (the blank total no longer moves a was-missing input, so it
		// need not be among the reasons the screen has room for).
		own, err := s.explainer().Explain(x)
		if err != nil {
			t.Fatal(err)
		}
		// The screen marks the cell blank: 0008-TLK's total is (row 7).
		for i := range own.Reasons {
			own.Reasons[i].Blank = own.Reasons[i].Column == "TotalCharges"
		}
		if got, _, whatIf := s.shownExplanation(s.list.selected()); whatIf || !reflect.DeepEqual(got, own) {
			t.Errorf("%s: after esc the reasons (what-if %v) %+v, want the user's own %+v", lang, whatIf, got, own)
		}
	}
}
