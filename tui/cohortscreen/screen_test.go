package cohortscreen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// shopLog is a small deterministic order log: 60 customers acquired
// January to June 2024 (customer i in month i mod 6), buying again k
// months later with a chance falling with k (a fixed hash decides), up to
// mid-July 2024 (a partial month).
func shopLog(t *testing.T) *data.OrderLog {
	t.Helper()
	log, err := data.ReadOrderLog(strings.NewReader(shopText()), "shop.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// shopText is shopLog's file.
func shopText() string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range 60 {
		first := i % 6
		for m := first; m <= 6; m++ {
			if k := m - first; k > 0 && (i*37+m*11+k*k*5)%100 >= 60/k {
				continue
			}
			day := 1 + (i*3+m)%28
			if m == 6 {
				day = 1 + (i+m)%15
			}
			fmt.Fprintf(&b, "c%02d,2024-%02d-%02d,%d\n", i, m+1, day, 10+(i%7)*3)
		}
	}
	return b.String()
}

// loaded returns the screen with log loaded and its triangle computed by
// running the screen's own Cmd.
func loaded(t *testing.T, c common.Common, log *data.OrderLog, name string) Model {
	t.Helper()
	s := New(c)
	cmd := s.SetData(&experiment.Data{Source: experiment.Source{Kind: "log", Path: name}, Log: log})
	if cmd == nil {
		t.Fatal("SetData with an order log returned no Cmd")
	}
	return feed(t, s, cmd())
}

func feed(t *testing.T, s Model, msg tea.Msg) Model {
	t.Helper()
	next, _ := s.Update(msg)
	return next.(Model)
}

func press(t *testing.T, s Model, k string) (Model, tea.Cmd) {
	t.Helper()
	var msg tea.KeyPressMsg
	switch k {
	case "right":
		msg = tea.KeyPressMsg{Code: tea.KeyRight}
	case "down":
		msg = tea.KeyPressMsg{Code: tea.KeyDown}
	default:
		msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
	}
	next, cmd := s.Update(msg)
	return next.(Model), cmd
}

func TestGolden(t *testing.T) {
	log := shopLog(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, loaded(t, c, log, "shop.csv"), c.Width, c.Height)
	})
}

// TestGoldenWeekCustomers shows the weekly triangle, which does not fit at
// 80×24 (the curve becomes a bar row), with customer counts.
func TestGoldenWeekCustomers(t *testing.T) {
	log := shopLog(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := loaded(t, c, log, "shop.csv")
		s, cmd := press(t, s, "p")
		if cmd == nil {
			t.Fatal("switching to weeks asked for nothing")
		}
		s = feed(t, s, cmd())
		s, _ = press(t, s, "m")
		if s.Period() != data.ByWeek || s.Metric() != Customers {
			t.Fatalf("period %v metric %v, want week and customers", s.Period(), s.Metric())
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestGoldenPerUserTable is the empty state of a per-user table.
func TestGoldenPerUserTable(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := New(c)
		if cmd := s.SetData(&experiment.Data{Source: experiment.Source{Kind: "csv", Path: "users.csv"}}); cmd != nil {
			t.Fatal("a per-user table asked for a triangle")
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestGoldenCDNOW draws the monthly triangle of CDNOW master.
func TestGoldenCDNOW(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "datasets", "cdnow", "CDNOW_master.txt")
	f, err := os.Open(path)
	if err != nil {
		shareddata.Missing(t, path, err)
	}
	defer f.Close()
	log, err := data.ReadOrderLog(f, "CDNOW_master.txt", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, loaded(t, c, log, "CDNOW_master.txt"), c.Width, c.Height)
	})
}

// TestScrollClamps checks that the keys scroll the triangle and stop at
// its edges.
func TestScrollClamps(t *testing.T) {
	log := shopLog(t)
	s := loaded(t, screentest.Common("en", 80, 24), log, "shop.csv")
	s, cmd := press(t, s, "p")
	s = feed(t, s, cmd())
	for range 100 {
		s, _ = press(t, s, "right")
		s, _ = press(t, s, "down")
	}
	top, left := s.Scroll()
	r := s.Result()
	if top == 0 || left == 0 || top >= len(r.Cohorts) || left >= r.MaxPeriods() {
		t.Errorf("scrolled to row %d, column %d of %d cohorts and %d periods", top, left, len(r.Cohorts), r.MaxPeriods())
	}
	view := screentest.Render(s, 80, 24)
	if !strings.Contains(view, fmt.Sprintf("× %d–%d/%d", left, r.MaxPeriods()-1, r.MaxPeriods())) {
		t.Errorf("the title does not say where the view is:\n%s", view)
	}
	s, _ = press(t, s, "g")
	if top, left := s.Scroll(); top != 0 || left != 0 {
		t.Errorf("home: row %d column %d", top, left)
	}
}

// TestStaleResultDropped checks that a triangle of a log no longer loaded
// is ignored, and that the same log again keeps what was computed.
func TestStaleResultDropped(t *testing.T) {
	old, cur := shopLog(t), shopLog(t)
	s := loaded(t, screentest.Common("en", 80, 24), cur, "shop.csv")
	r, err := data.CohortRetention(old, data.ByWeek)
	if err != nil {
		t.Fatal(err)
	}
	s = feed(t, s, ReadyMsg{Log: old, Period: data.ByWeek, Result: r})
	if s.results[data.ByWeek] != nil {
		t.Error("a stale triangle was kept")
	}
	if cmd := s.SetData(&experiment.Data{Source: experiment.Source{Kind: "log", Path: "shop.csv"}, Log: cur}); cmd != nil || s.Result() == nil {
		t.Error("the same log again recomputed or lost its triangle")
	}
}

func TestShade(t *testing.T) {
	for _, tc := range []struct {
		v, hi  float64
		period int
		want   int
	}{
		{1, 1, 0, -1}, {0, 1, 3, 0}, {0.01, 1, 1, 1}, {0.25, 1, 1, 1}, {0.26, 1, 1, 2}, {1, 1, 1, 4}, {2, 1, 1, 4}, {0.5, 0, 1, 0},
	} {
		if got := Shade(tc.v, tc.hi, tc.period); got != tc.want {
			t.Errorf("Shade(%v, %v, %d) = %d, want %d", tc.v, tc.hi, tc.period, got, tc.want)
		}
	}
}

// TestEverySize renders every size from 20×6 to 200×60 without a panic
// and within the size.
func TestEverySize(t *testing.T) {
	log := shopLog(t)
	s := loaded(t, screentest.Common("zh", 80, 24), log, "shop.csv")
	for w := 20; w <= 200; w += 7 {
		for h := 6; h <= 60; h += 3 {
			view := screentest.Render(s, w, h)
			if n := len(strings.Split(view, "\n")); n != h {
				t.Fatalf("%d×%d: %d lines", w, h, n)
			}
		}
	}
}

// TestFutureLineWarned: a line of shopLog retyped into 2031 moves no end:
// the notes end the log on its last date up to today, and a warning says
// the table leaves the line out, as cohorts does (en and zh).
func TestFutureLineWarned(t *testing.T) {
	text := shopText()
	// The last date of the file, read here: 2024-07-DD, DD at most 15.
	last := ""
	for _, l := range strings.Split(strings.TrimSpace(text), "\n")[1:] {
		last = max(last, strings.Split(l, ",")[1])
	}
	lines := strings.Count(text, "\n") // the data lines, and the one added below
	today := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	log, err := data.ReadOrderLog(strings.NewReader(text+"c01,2031-05-01,10\n"), "shop.csv", data.LogOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"en": {fmt.Sprintf("⚠ shop.csv: 1 of %d lines is dated after today (2026-12-05); the log's dates run 2024-01-01 .. 2031-05-01; "+
			"the table leaves them out: it ends on the last date up to today, %s", lines, last),
			fmt.Sprintf("shop.csv: 60 customers, %d orders, 2024-01-01 … %s.", lines-1, last)},
		"zh": {fmt.Sprintf("⚠shop.csv：%d行中有1行的日期晚于今天（2026-12-05）；日志的日期范围为2024-01-01..2031-05-01；"+
			"表中不计这些行：表止于今天及以前的最后日期%s", lines, last),
			fmt.Sprintf("shop.csv：60位客户，%d笔订单，2024-01-01至%s。", lines-1, last)},
	}
	for _, lang := range screentest.Langs {
		s := loaded(t, screentest.Common(lang, 80, 40), log, "shop.csv")
		sep := " "
		if lang == "zh" {
			sep = ""
		}
		view := strings.Join(strings.Fields(screentest.Render(s, 80, 40)), sep)
		for _, w := range want[lang] {
			if !strings.Contains(view, strings.Join(strings.Fields(w), sep)) {
				t.Errorf("%s: the view lacks %q:\n%s", lang, w, screentest.Render(s, 80, 40))
			}
		}
	}
}

// TestGoldenPartialCohort adds two customers first seen in the log's last,
// partly observed month: their cohort is marked "*" and left out of the
// average, so the average row's size is the 60 customers of the six full
// cohorts, not all 62.
func TestGoldenPartialCohort(t *testing.T) {
	text := shopText() + "c60,2024-07-03,20\nc61,2024-07-10,25\n"
	log, err := data.ReadOrderLog(strings.NewReader(text), "shop.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := loaded(t, c, log, "shop.csv")
		label := s.T("average", "平均")
		var row string
		for _, line := range strings.Split(screentest.Render(s, c.Width, c.Height), "\n") {
			if strings.HasPrefix(line, label+" ") {
				row = line
			}
		}
		if f := strings.Fields(row); len(f) < 2 || f[1] != "60" {
			t.Errorf("the average row %q: want size 60 (the 62 customers less the partial cohort's 2)", row)
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
