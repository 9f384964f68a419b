package usersscreen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/screentest"
)

// shopCSV writes a small customer table with what the textbook data lacks:
// a categorical plan, a large income with blanks, and two long column
// names sharing their first 15 characters.
func shopCSV(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,plan,annual_income,days_since_last_login,days_since_last_purchase,churn\n")
	plans := []string{"basic", "plus", "premium"}
	for i := range 120 {
		income := fmt.Sprint(40000 + (i*7919)%90000)
		if i%10 == 3 {
			income = "" // a blank the pipeline fills with the median
		}
		churn := "no"
		if (i*31)%7 < 3 {
			churn = "yes"
		}
		fmt.Fprintf(&b, "C%04d,%s,%s,%d,%d,%s\n", i+1, plans[i%3], income, (i*13)%60, (i*17)%90, churn)
	}
	path := filepath.Join(t.TempDir(), "shop.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// shopRun trains one epoch on shopCSV's table.
func shopRun(t *testing.T) common.Run {
	t.Helper()
	return shopRunWith(t, nil)
}

// shopRunWith is shopRun with change applied to the default configuration.
func shopRunWith(t *testing.T, change func(*experiment.Config)) common.Run {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: shopCSV(t), Label: "churn"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 1
	if change != nil {
		change(&cfg)
	}
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return common.Run{Number: 1, Exp: e, History: e.Trainer.History()}
}

// shopScreen is the Users screen over shopRun at w×h in lang.
func shopScreen(t *testing.T, run common.Run, lang string, w, h int) Model {
	t.Helper()
	s := New(screentest.Common(lang, w, h))
	s.SetSize(w, h)
	return runCmds(t, s, s.SetRun(run))
}

// selectID finds a user by id.
func selectID(t *testing.T, s Model, id string) Model {
	t.Helper()
	s = pressAll(t, s, "/")
	s = typeText(t, s, id)
	s = pressAll(t, s, "enter")
	if s.ID(s.SelectedRow()) != id {
		t.Fatalf("finding %s selected %s", id, s.ID(s.SelectedRow()))
	}
	return s
}

func TestTheSharedThresholdJudgesRightAndWrong(t *testing.T) {
	s := analysed(t, "en", 120, 40)
	screentest.MustContain(t, view(s), "✓ right at 0.50")
	s, _ = s.step(common.ThresholdMsg{Run: 1, Threshold: 0.3})
	screentest.MustContain(t, view(s), "✓ right at 0.30")
	s = pressAll(t, s, "c", "c") // wrong only
	u := s.list.users
	want := 0
	for r := range u.rows() {
		if (u.prob(r) >= 0.3) != u.positive(r) {
			want++
		}
	}
	if len(s.list.shown) != want {
		t.Fatalf("%d wrong at 0.30 shown, direct count %d", len(s.list.shown), want)
	}
	// Another run's threshold does not apply to this one.
	s, _ = s.step(common.ThresholdMsg{Run: 2, Threshold: 0.9})
	screentest.MustContain(t, view(s), "✓ right at 0.30")
	// The export predicts at the same threshold.
	path := filepath.Join(t.TempDir(), "u.csv")
	s = pressAll(t, s, "x")
	s = clear(t, s, len("retain-users.csv"))
	s = typeText(t, s, path)
	s = pressAll(t, s, "enter")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(line, ",")
		var p float64
		fmt.Sscan(f[1], &p)
		if want := map[bool]string{true: "yes", false: "no"}[p >= 0.3]; f[2] != want {
			t.Fatalf("%s: predicted %s at 0.30, want %s", f[0], f[2], want)
		}
	}
}

func TestFindPrefersTheExactIDThenPrefixes(t *testing.T) {
	s := New(screentest.Common("en", 100, 30))
	s.SetSize(100, 30)
	s.list.threshold = 0.5
	s.list.setUsers(syntheticUsers(5000)) // ids u0 … u4999
	s = pressAll(t, s, "/", "u", "4", "2", "enter")
	if got := s.ID(s.SelectedRow()); got != "u42" {
		t.Fatalf("/u42 selected %s, want the exact id first", got)
	}
	s = pressAll(t, s, "n")
	if got := s.ID(s.SelectedRow()); got == "u42" || !strings.HasPrefix(got, "u42") {
		t.Fatalf("n after u42 selected %s, want another id starting with u42", got)
	}
	s = pressAll(t, s, "/", "4", "2", "enter")
	screentest.MustContain(t, view(s), "no shown user's id is or starts with 42")
}

func TestExportShowsProgressAndEscCancels(t *testing.T) {
	s := analysed(t, "en", 120, 40)
	path := filepath.Join(t.TempDir(), "u.csv")
	s = pressAll(t, s, "x")
	s = clear(t, s, len("retain-users.csv"))
	s = typeText(t, s, path)
	s, cmd := s.step(screentest.Press("enter"))
	if cmd == nil || !s.out.Running() {
		t.Fatal("enter started no export")
	}
	screentest.MustContain(t, view(s), "exporting 0 of 100 users to "+path+"… (esc cancels)")
	s, _ = s.step(exporter.ProgressMsg{To: ExportOwner, Job: s.out.Job(), Done: 2048, Total: 5000})
	screentest.MustContain(t, view(s), "exporting 2,048 of 5,000 users")
	if h := s.HelpGroups()[0][0].Help(); h.Key != "esc" || h.Desc != "cancel export" {
		t.Fatalf("the footer's first key while exporting: %+v", h)
	}
	s, _ = s.step(screentest.Press("esc"))
	s = runCmds(t, s, cmd)
	screentest.MustContain(t, view(s), "✗ export cancelled; no file written")
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a cancelled export left %s (%v)", path, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 0 {
		t.Fatalf("a cancelled export left %v", entries)
	}
}

func TestCategoricalSweepDrawsOneBarPerLevel(t *testing.T) {
	s := shopScreen(t, shopRun(t), "en", 160, 48)
	s = pressAll(t, s, "w")
	e := s.Exp()
	for s.Exp().Pipeline.Columns[s.whatIf.col].Name != "plan" {
		s = pressAll(t, s, "down")
		if s.whatIf.col == 0 {
			t.Fatal("no plan column")
		}
	}
	v := view(s)
	screentest.MustContain(t, v, "P(churn = yes) by level of plan")
	x, _ := e.Row(s.SelectedRow())
	for _, level := range []string{"basic", "plus", "premium"} {
		in, err := e.Explainer().Set(x, "plan", level)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%.3f", e.Explainer().Predict(in))
		found := false
		for _, line := range strings.Split(v, "\n") {
			if strings.Contains(line, level) && strings.Contains(line, want) {
				found = true
			}
		}
		if !found {
			t.Fatalf("no bar for %s at %s:\n%s", level, want, v)
		}
	}
}

// TestImputedValuesAreMarkedAndLargeValuesGrouped marks a blank cell
// with the value the model filled in and how it was chosen when the
// network has no was-missing input for it (median imputation without
// indicators): it read "(blank → median)" beside the fill in English only.
func TestImputedValuesAreMarkedAndLargeValuesGrouped(t *testing.T) {
	run := shopRunWith(t, func(c *experiment.Config) {
		c.Pipeline.MissingIndicators, c.Pipeline.Impute = false, data.ImputeMedian
	})
	pc := run.Exp.Pipeline.Columns[slices.IndexFunc(run.Exp.Pipeline.Columns, func(pc data.PipelineColumn) bool { return pc.Name == "annual_income" })]
	// The fill is the pipeline's, in grouped digits to seven significant
	// digits as the Walkthrough writes it.
	fill := displayValue(strconv.FormatFloat(pc.Fill, 'g', 7, 64))
	for _, lang := range []string{"en", "zh"} {
		s := shopScreen(t, run, lang, 160, 48)
		s = selectID(t, s, "C0004") // row 4: a blank income
		v := view(s)
		screentest.MustContain(t, v, s.Tf(" missing → %s (median) ", " 缺失 → %s（中位数） ", fill))
		if strings.Contains(v, "e+0") || strings.Contains(v, "blank") {
			t.Fatalf("%s: a value in e-notation, or the old mark:\n%s", lang, v)
		}
		if !strings.Contains(fill, ",") {
			t.Fatalf("the fill %q is not in grouped digits", fill)
		}
		s = selectID(t, s, "C0005") // a real income: no mark
		for _, line := range strings.Split(view(s), "\n") {
			if strings.Contains(line, "annual_income") && strings.Contains(line, s.T("missing", "缺失")) {
				t.Fatalf("%s: a present value is marked: %q", lang, line)
			}
		}
	}
	if got := displayValue("9.62e+04"); got != "96,200" {
		t.Fatalf("displayValue(9.62e+04) = %q", got)
	}
}

// TestBlankWithIndicatorReadsMissing: under the default (the mean, and a
// was-missing input per column with blanks) the feature table, the reason
// sentence and the reasons' bars say the value is missing and what the
// model filled in, in the screen's language: the Chinese screen wrote the
// English "missing" and neither said what the model counted.
func TestBlankWithIndicatorReadsMissing(t *testing.T) {
	run := shopRun(t)
	if o := run.Exp.Pipeline.Options; !o.MissingIndicators || o.Impute != data.ImputeMean {
		t.Fatalf("the default is no longer the mean with indicators: %+v", o)
	}
	pc := run.Exp.Pipeline.Columns[slices.IndexFunc(run.Exp.Pipeline.Columns, func(pc data.PipelineColumn) bool { return pc.Name == "annual_income" })]
	// The pipeline's fill to seven and to four significant digits, grouped.
	fill7 := displayValue(strconv.FormatFloat(pc.Fill, 'g', 7, 64))
	fill4 := displayValue(strconv.FormatFloat(pc.Fill, 'g', 4, 64))
	for _, lang := range []string{"en", "zh"} {
		s := shopScreen(t, run, lang, 160, 48)
		s = selectID(t, s, "C0004") // row 4: a blank income
		v := view(s)
		screentest.MustContain(t, v,
			s.Tf(" missing → %s (mean) ", " 缺失 → %s（均值） ", fill7),
			// The bars' labels share a third of the pane: beside the
			// English word the fill has room for four digits only.
			s.Tf("annual_income = missing → %s  ", "annual_income = 缺失 → %s  ", map[string]string{"en": fill4, "zh": fill7}[lang]))
		if lang == "zh" && strings.Contains(v, "missing") {
			t.Errorf("the Chinese screen says missing:\n%s", v)
		}
		// The sentence names the strongest reason either way: one made
		// up with the blank income as the only one.
		ex := experiment.Explanation{Reasons: []experiment.Reason{{Column: "annual_income", Value: "missing", Attribution: 0.1}}}
		want := s.Tf("annual_income = missing → %s raises P(churn = yes) most.", "annual_income = 缺失 → %s 最能提高 P(churn = yes)。", fill7)
		if got := s.reasonSentence(s.risk(), ex, s.SelectedRow()); got != want {
			t.Errorf("%s: the reason sentence is %q, want %q", lang, got, want)
		}
	}
}

func TestLongNamesStayDistinguishableAt80Columns(t *testing.T) {
	s := shopScreen(t, shopRun(t), "en", 80, 24)
	s = pressAll(t, s, "w") // what-if: the feature table gets half the width
	var names []string
	for _, line := range strings.Split(view(s), "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "days_") && !strings.ContainsAny(line, "=≥≤") {
			names = append(names, f[0])
		}
	}
	if len(names) != 2 || names[0] == names[1] {
		t.Fatalf("the feature rows of the two days_since_last_… columns read %v", names)
	}
	if w := middleTruncate("days_since_last_purchase", 15); ansi.StringWidth(w) != 15 || w == middleTruncate("days_since_last_login", 15) {
		t.Fatalf("middle truncation %q", w)
	}
}

// TestGoldenUsers is the Users screen with the textbook run, the table and
// the first user's details, in both languages at both sizes.
func TestGoldenUsers(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := analysedWith(t, c)
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestGoldenUsersWhatIf is the what-if editor over the shop table's plan.
func TestGoldenUsersWhatIf(t *testing.T) {
	run := shopRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := shopScreen(t, run, c.Lang, c.Width, c.Height)
		s = selectID(t, s, "C0004")
		s = pressAll(t, s, "w") // the first feature: plan
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestFindPromptFooterSpeaksChinese checks the prompt's keys are translated.
func TestFindPromptFooterSpeaksChinese(t *testing.T) {
	s := analysed(t, "zh", 120, 40)
	s = pressAll(t, s, "/")
	if h := s.HelpGroups()[0]; h[0].Help() != (key.Help{Key: "enter", Desc: "查找"}) || h[1].Help() != (key.Help{Key: "esc", Desc: "取消"}) {
		t.Fatalf("footer: %+v %+v", h[0].Help(), h[1].Help())
	}
	screentest.MustContain(t, view(s), "查找 id：")
}

// TestEmptyStateShowsTheWholeHint: before a run the hint was one line cut
// at the window's edge ("…when the ru…") above 20 blank lines.
func TestEmptyStateShowsTheWholeHint(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := New(c)
		s.SetSize(c.Width, c.Height)
		view := ansi.Strip(screentest.Render(s, c.Width, c.Height))
		flat := strings.Join(strings.Fields(view), " ")
		want := c.T("this screen fills in when the run ends or is stopped.", "训练结束或停止后")
		if strings.Contains(view, "…") || !strings.Contains(strings.ReplaceAll(flat, " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the empty state does not show its whole hint:\n%s", view)
		}
	})
}
