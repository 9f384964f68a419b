package usersscreen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// telcoLikeCSV writes a table shaped like the telco churn file: an id,
// nineteen features (yes/no, three- and four-level categories, a count of
// months, two charges, a few blank totals) and a Yes/No Churn label,
// 240 rows made up from the row number.
func telcoLikeCSV(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService," +
		"OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract,PaperlessBilling," +
		"PaymentMethod,MonthlyCharges,TotalCharges,Churn\n")
	yesNo := []string{"No", "Yes"}
	internet := []string{"DSL", "Fiber optic", "No"}
	contract := []string{"Month-to-month", "One year", "Two year"}
	payment := []string{"Bank transfer (automatic)", "Credit card (automatic)", "Electronic check", "Mailed check"}
	for i := range 240 {
		tenure := (i * 37) % 72
		monthly := 20 + float64((i*53)%100) + float64(i%4)/4
		total := fmt.Sprintf("%.2f", monthly*float64(tenure))
		if i%40 == 7 {
			total = "" // as the file has, a few new customers without a total
		}
		c := (i * 7) % 3
		churn := "No"
		if (c == 0 && tenure < 30) || (i*11)%13 == 0 {
			churn = "Yes"
		}
		fmt.Fprintf(&b, "%04d-TLK,%s,%d,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%.2f,%s,%s\n",
			i+1, []string{"Female", "Male"}[i%2], (i/5)%2, yesNo[(i/3)%2], yesNo[(i/7)%2], tenure,
			yesNo[1-(i%9)/8], yesNo[(i/2)%2], internet[(i*5)%3], yesNo[(i/4)%2], yesNo[(i/6)%2], yesNo[(i/8)%2],
			yesNo[(i/10)%2], yesNo[(i/11)%2], yesNo[(i/12)%2], contract[c], yesNo[(i/13)%2], payment[(i*3)%4],
			monthly, total, churn)
	}
	path := filepath.Join(t.TempDir(), "telco.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// telcoLikeRun trains two epochs on telcoLikeCSV's table.
func telcoLikeRun(t *testing.T) common.Run {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: telcoLikeCSV(t), Label: "Churn"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return common.Run{Number: 1, Exp: e, History: e.Trainer.History()}
}

// whatIfOn starts a what-if of user id and moves to the feature named col.
func whatIfOn(t *testing.T, s Model, id, col string) Model {
	t.Helper()
	s = selectID(t, s, id)
	s = pressAll(t, s, "w")
	for s.Exp().Pipeline.Columns[s.whatIf.col].Name != col {
		s = pressAll(t, s, "down")
		if s.whatIf.col == 0 {
			t.Fatalf("no column %s", col)
		}
	}
	return s
}

// TestWhatIfResultStaysInViewForEveryFeature: at 80×24 (the screen's 80×21
// under the tab bar and the footer) the pane followed the chosen feature
// and scrolled the what-if result and its chart off the top for every
// feature from StreamingMovies down. For each feature, after → the view
// holds the result line with the edited user's probability (a forward
// pass of the edited row, not the screen's own figure), the chosen
// feature's row, and the whole sweep: its title, and the numeric chart's
// x axis at its foot or the mark of the level now set.
func TestWhatIfResultStaysInViewForEveryFeature(t *testing.T) {
	run := telcoLikeRun(t)
	e := run.Exp
	for _, size := range [][2]int{{80, 21}, {80, 24}, {120, 21}, {160, 48}} {
		for _, lang := range []string{"en", "zh"} {
			s := shopScreen(t, run, lang, size[0], size[1])
			s = selectID(t, s, "0008-TLK")
			s = pressAll(t, s, "w")
			for ci, pc := range e.Pipeline.Columns {
				s = pressAll(t, s, "right")
				prob := e.Explainer().Predict(s.whatIf.cur)
				own, _ := e.Row(s.SelectedRow())
				result := s.Tf("what-if: %s = %.3f (", "假设分析：%s = %.3f（", s.risk().ProbName(), prob)
				v := view(s)
				what := fmt.Sprintf("%s %dx%d, feature %d %s", lang, size[0], size[1], ci, pc.Name)
				if !strings.Contains(v, result) || prob == e.Explainer().Predict(own) && pc.Kind != data.Numeric {
					t.Errorf("%s: the view lacks %q (or → changed nothing):\n%s", what, result, v)
				}
				if !strings.Contains(v, middleTruncate(pc.Name, 16)) {
					t.Errorf("%s: the chosen feature's row is not in view:\n%s", what, v)
				}
				// The numeric chart's x axis is its last line; the bars
				// mark the level now set.
				sweep := []string{s.T("What-if sweep", "假设分析扫描"), "└─"}
				if pc.Kind != data.Numeric {
					sweep = []string{s.Tf("by level of %s", "：按 %s", pc.Name[:3]), " ◂"}
				}
				for _, want := range sweep {
					if !strings.Contains(v, want) {
						t.Errorf("%s: the sweep lacks %q:\n%s", what, want, v)
					}
				}
				s = pressAll(t, s, "down")
			}
		}
	}
}

// TestGoldenUsersWhatIfLowFeature is a what-if of a feature low in the
// telco-like list: PaymentMethod one level on, its bars beside the table.
func TestGoldenUsersWhatIfLowFeature(t *testing.T) {
	run := telcoLikeRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := whatIfOn(t, shopScreen(t, run, c.Lang, c.Width, c.Height), "0008-TLK", "PaymentMethod")
		s = pressAll(t, s, "right")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestGoldenUsersWhatIfTypedTotal is the last feature, TotalCharges, typed
// as 5000 for a user whose total is blank: the chart drawn whole.
func TestGoldenUsersWhatIfTypedTotal(t *testing.T) {
	run := telcoLikeRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := whatIfOn(t, shopScreen(t, run, c.Lang, c.Width, c.Height), "0008-TLK", "TotalCharges")
		s = pressAll(t, s, "enter")
		s = clear(t, s, 20)
		s = typeText(t, s, "5000")
		s = pressAll(t, s, "enter")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestWhatIfStaysInViewWhenTheWindowNarrows: a what-if started beside the
// table (from 110 columns) went on, unseen, behind the table alone once
// the window was narrowed to 80 columns.
func TestWhatIfStaysInViewWhenTheWindowNarrows(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := whatIfOn(t, shopScreen(t, shopRun(t), lang, 160, 48), "C0004", "plan")
		s = pressAll(t, s, "right")
		s.SetSize(80, 24)
		result := s.Tf("what-if: %s = %.3f (", "假设分析：%s = %.3f（", s.risk().ProbName(), s.whatIf.prob)
		screentest.MustContain(t, view(s), result, s.Tf("by level of %s", "：按 %s 取值", "plan"))
	}
}
