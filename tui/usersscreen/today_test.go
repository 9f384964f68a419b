package usersscreen

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// todayLog writes an order log of 120 customers over 2020 and returns its
// path and each customer's first order day (0 = 2020-01-01) and the last
// day of the log: customer k first orders on day 3k, then every 15 + k%11
// days until day 140 + 37k%220 or the end of the year.
func todayLog(t *testing.T) (path string, first map[string]int, last int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	first = make(map[string]int)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for k := range 120 {
		id := fmt.Sprintf("c%03d", k)
		stop := min(140+37*k%220, 365)
		for d := 3 * k; d <= max(stop, 3*k); d += 15 + k%11 {
			if _, ok := first[id]; !ok {
				first[id] = d
			}
			last = max(last, d)
			fmt.Fprintf(&b, "%s,%s,%d\n", id, start.AddDate(0, 0, d).Format(time.DateOnly), 5+k%9)
		}
	}
	path = filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, first, last
}

// logRun trains run 1 on todayLog's cohort at 2020-09-30 (30-day horizon).
func logRun(t *testing.T, path string) common.Run {
	t.Helper()
	src := experiment.Source{Kind: "log", Path: path, HorizonDays: 30, Cutoff: time.Date(2020, 9, 30, 0, 0, 0, 0, time.UTC)}
	d, err := experiment.Load(src, screentest.Open)
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

// t shows every customer of the log at its last date, unlabelled, with
// the short histories marked; x exports them with short_history; t again
// brings the labelled cohort back.
func TestUsersTodayShowsTheLogsCurrentCustomers(t *testing.T) {
	path, first, last := todayLog(t)
	run := logRun(t, path)
	s := shopScreen(t, run, "en", 120, 40)
	cohortRows := s.list.users.rows()
	if !s.keyMap().Today.Enabled() {
		t.Fatal("t is not offered for a run on an order log")
	}
	screentest.MustContain(t, view(s), "✓ right at 0.50 · t: current customers")
	s = pressAll(t, s, "t")
	u := s.list.users
	if u.current == nil || !s.showToday {
		t.Fatalf("t did not show the current customers (status %q)", s.status.In(s.Common))
	}
	// Every customer has an order on or before the last date.
	short := 0
	for _, d := range first {
		if last-d < 90 {
			short++
		}
	}
	if u.rows() != len(first) || u.rows() == cohortRows || short == 0 {
		t.Fatalf("%d current customers, want %d (the cohort had %d; %d short)", u.rows(), len(first), cohortRows, short)
	}
	lastDate := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, last).Format(time.DateOnly)
	screentest.MustContain(t, view(s), "120 of 120 current customers", "as of "+lastDate+", unlabelled · "+strconv.Itoa(short)+" short")
	if s.keyMap().Truth.Enabled() {
		t.Error("the right/wrong filter is offered without labels")
	}
	out := filepath.Join(t.TempDir(), "today.csv")
	s = pressAll(t, s, "x")
	s = clear(t, s, len("retain-current.csv"))
	s = typeText(t, s, out)
	s = pressAll(t, s, "enter")
	f, err := os.Open(out)
	if err != nil {
		t.Fatalf("%v (status %q)", err, s.status.In(s.Common))
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(recs[0][:4], ","); h != "customer,probability_orders_again_30d_yes,predicted_orders_again_30d,short_history" {
		t.Errorf("header %q", h)
	}
	if len(recs)-1 != len(first) {
		t.Errorf("exported %d rows, want %d", len(recs)-1, len(first))
	}
	for _, r := range recs[1:] {
		d, ok := first[r[0]]
		if want := strconv.FormatBool(last-d < 90); !ok || r[3] != want {
			t.Errorf("%s: short_history %s, want %s", r[0], r[3], want)
		}
	}
	s = pressAll(t, s, "t")
	if s.showToday || s.list.users.current != nil || s.list.users.rows() != cohortRows {
		t.Fatalf("t again shows %d rows (today %v)", s.list.users.rows(), s.showToday)
	}
	screentest.MustContain(t, view(s), "✓ right at 0.50")
}

// A run on a per-user table has no current customers: t does nothing.
func TestUsersTodayNeedsAnOrderLog(t *testing.T) {
	s := analysed(t, "en", 120, 40)
	if s.keyMap().Today.Enabled() {
		t.Fatal("t is offered for the textbook run")
	}
	before := view(s)
	if s = pressAll(t, s, "t"); view(s) != before || s.showToday {
		t.Fatal("t changed the view of a table run")
	}
}

// TestGoldenUsersToday is the current customers of a log run with the
// first (highest) one's details, in both languages at both sizes.
func TestGoldenUsersToday(t *testing.T) {
	path, _, _ := todayLog(t)
	run := logRun(t, path)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := shopScreen(t, run, c.Lang, c.Width, c.Height)
		s = pressAll(t, s, "t")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestHistoryColumnOnlyWithShortHistories: the current customers' table
// kept a history column blank on every row when no history was short.
// It shows while some are short and is gone when none is.
func TestHistoryColumnOnlyWithShortHistories(t *testing.T) {
	path, _, _ := todayLog(t)
	s := pressAll(t, shopScreen(t, logRun(t, path), "en", 120, 40), "t")
	u := s.list.users
	if u.current == nil || u.current.Report.ShortHistory == 0 {
		t.Fatal("no current customers with short histories")
	}
	header := func() string {
		for _, line := range strings.Split(view(s), "\n") {
			if strings.Contains(line, "pred.") {
				return line
			}
		}
		t.Fatalf("no table header in\n%s", view(s))
		return ""
	}
	if !strings.Contains(header(), "history") {
		t.Errorf("short histories but no history column: %q", header())
	}
	report := *u.current
	report.Report.ShortHistory = 0
	u.current = &report
	s.render()
	if strings.Contains(header(), "history") {
		t.Errorf("no short history but a history column: %q", header())
	}
}

// TestUsersTodaySaysTheModelExtrapolates: the current customers, scored
// after the run's cutoff (2020-09-30), lie beyond the model's tenure_days
// range for many of them, and t said nothing where retain predict and
// the Plan screen warn (review 33, finding 4). The screen now says the
// Plan screen's sentence, with each column's share; tenure_days's is
// counted here from the current table's values against the kept range.
// Back on the labelled cohort the note goes.
func TestUsersTodaySaysTheModelExtrapolates(t *testing.T) {
	path, _, _ := todayLog(t)
	run := logRun(t, path)
	for _, lang := range screentest.Langs {
		s := pressAll(t, shopScreen(t, run, lang, 260, 60), "t") // the note on one line
		u := s.list.users
		if u.current == nil {
			t.Fatalf("%s: t did not show the current customers", lang)
		}
		p := run.Exp.Pipeline
		pc := p.Columns[slices.IndexFunc(p.Columns, func(pc data.PipelineColumn) bool { return pc.Name == "tenure_days" })]
		above := 0
		for _, v := range u.current.Table.Column("tenure_days").Values {
			if v > pc.Max {
				above++
			}
		}
		share := common.Decimal(100*float64(above)/float64(u.rows()), 1)
		if above*10 <= u.rows() {
			t.Fatalf("%d of %d above tenure_days's range: too few for the test", above, u.rows())
		}
		want := map[string][]string{
			"en": {"The model is extrapolating: many of these customers lie beyond the range it keeps, and were scored at its end, on ",
				"tenure_days (" + share + " %)", "Read their scores with care."},
			"zh": {"模型在外推：许多客户超出模型保留的范围，按范围端点打分，涉及 ", "tenure_days（" + share + " %）", "请谨慎看待这些分数。"},
		}[lang]
		screentest.MustContain(t, view(s), want...)
		s = pressAll(t, s, "t")
		if strings.Contains(view(s), want[0]) {
			t.Errorf("%s: the labelled cohort keeps the current customers' note:\n%s", lang, view(s))
		}
	}
}
