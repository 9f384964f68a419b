package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// cellNoteLines returns the lines of stderr that are cell notes on name:
// "note: <name>: column …" on missing cells or values outside the training
// range.
func cellNoteLines(stderr, name string) string {
	var out strings.Builder
	for _, line := range strings.SplitAfter(stderr, "\n") {
		if strings.HasPrefix(line, "note: "+name+": column ") &&
			(strings.Contains(line, " missing cell") || strings.Contains(line, ": outside the range the model keeps [")) {
			out.WriteString(line)
		}
	}
	return out.String()
}

// eval --model says, as predict does and in the same words, which cells it
// filled and which it scored at a bound of the training range, on stderr
// only: the same file with those cells written as the model took them (the
// bound, the fill) prints the same stdout, byte for byte, and no notes.
func TestEvalSaysTheCellsItFilledOrClipped(t *testing.T) {
	// usersCSV's table with visits (0 to 19) held to [2, 15]: some 45 users
	// of 300 have each bound, more than the 20 the k-anonymous bounds
	// average, so the bounds are exactly 2 and 15. No cell is missing, so
	// spend has no was-missing input.
	lines := usersLinesVisitsHeld(t, 300, 2, 15)
	model := trainModel(t, writeFile(t, "users.csv", strings.Join(lines, "\n")+"\n"))
	b := readModel(t, model)
	spend, visits := pipelineColumn(t, b, "spend"), pipelineColumn(t, b, "visits")
	if visits.Min != 2 || visits.Max != 15 || spend.Indicator {
		t.Fatalf("visits range [%v, %v], spend indicator %v: the case wants [2, 15] and none", visits.Min, visits.Max, spend.Indicator)
	}
	rows := func(above, below, missing string) string {
		return "user_id,visits,spend,plan,churn\n" +
			"a," + above + ",50,basic,yes\n" + // line 2: beyond the top
			"b,15,50,basic,no\n" + // line 3: the top itself
			"c," + below + "," + missing + ",plus,yes\n" + // line 4: beyond the bottom, spend missing
			"d,3," + missing + ",pro,no\n" + // line 5: spend missing
			"e,9,120,plus,no\n" +
			"f,7,80,basic,yes\n"
	}
	next := writeFile(t, "next.csv", rows("1000", "-5", ""))
	// The fill is the model's own statistic (its fitting is tested in
	// package data); the counts and places are this test's.
	want := fmt.Sprintf("note: %[1]s: column \"spend\": 2 missing cells, the first at line 4, column 3, filled with the training mean %[2]s; "+
		"no was-missing input (the training rows had no missing cell here)\n"+
		"note: %[1]s: column \"visits\": outside the range the model keeps [2, 15] (its ends are means of the 10th–19th most extreme training values, for privacy): 1 value above it scored as 15 and 1 value below it scored as 2; "+
		"the first is 1000 at line 2, column 2\n", next, data.FormatStatistic(spend.Fill))
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", next); code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	if got := cellNoteLines(c.stderr.String(), next); got != want {
		t.Errorf("eval's cell notes\n%s\nwant\n%s", got, want)
	}
	p := newCLI(t)
	if code := p.run(context.Background(), "predict", "--model", model, "--data", next); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, p.stderr.String())
	}
	if p.stderr.String() != want {
		t.Errorf("predict's stderr\n%s\nwant the same notes\n%s", p.stderr.String(), want)
	}
	stdout := c.stdout.String()
	if strings.Contains(stdout, "note:") || !strings.Contains(stdout, "Confusion") {
		t.Errorf("eval's stdout holds a note or lacks its results:\n%s", stdout)
	}

	// The cells as the model took them: the bounds, and the fill written in
	// full.
	if err := os.WriteFile(next, []byte(rows("15", "2", strconv.FormatFloat(spend.Fill, 'g', -1, 64))), 0o644); err != nil {
		t.Fatal(err)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", next); code != exitOK {
		t.Fatalf("eval of the cells as taken: exit %d, stderr %q", code, c.stderr.String())
	}
	if got := cellNoteLines(c.stderr.String(), next); got != "" {
		t.Errorf("eval of the cells as taken notes\n%s", got)
	}
	if c.stdout.String() != stdout {
		t.Errorf("eval's stdout differs with the notes:\n%s\nwithout:\n%s", stdout, c.stdout.String())
	}
}

// orderLogWithoutAmounts writes an order log of 150 customers over 2024,
// one line per order (a customer id and a date, nothing else), each
// customer ordering every 3 to 60 days from a day in the first half.
func orderLogWithoutAmounts(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,order_date\n")
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r := rand.New(rand.NewPCG(5, 17))
	for c := range 150 {
		gap := 3 + r.IntN(58)
		for day := r.IntN(180); day < 366; day += 1 + r.IntN(2*gap) {
			fmt.Fprintf(&b, "k%03d,%s\n", c, start.AddDate(0, 0, day).Format(time.DateOnly))
		}
	}
	return writeFile(t, "orders.csv", b.String())
}

// predict --log says, as predict --data does, which of the customers'
// values it scored at a bound of the training range, and eval --model
// --log says the same of the same customers. Their columns are computed
// from the log, so no line and column hold them: each note names its first
// customer by id, as the scores write it; with --pseudonymise, the one
// whose pseudonym sorts first, not the first in the log's order. Three customers at the cutoff 2025-03-31, their
// features worked out here: a1 ordered every day of the last 100, b2 400
// and 200 days before, c3 60, 30 and 10 days before.
func TestPredictLogSaysTheValuesItClipped(t *testing.T) {
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", orderLogWithoutAmounts(t), "--cutoff", "2024-09-30",
		"--horizon", "30d", "--epochs", "1", "--layers", "8", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	b := readModel(t, model)
	var lines strings.Builder
	lines.WriteString("customer_id,order_date\n")
	end := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	order := func(id string, daysBefore int) {
		fmt.Fprintf(&lines, "%s,%s\n", id, end.AddDate(0, 0, -daysBefore).Format(time.DateOnly))
	}
	for d := 99; d >= 0; d-- {
		order("a1", d)
	}
	order("b2", 400)
	order("b2", 200)
	for _, d := range []int{60, 30, 10} {
		order("c3", d)
	}
	// After the cutoff, for eval's labels within the 30-day horizon: a1
	// orders again 5 days after it, c3 only 40 days after.
	order("a1", -5)
	order("c3", -40)
	log := writeFile(t, "later.csv", lines.String())
	ids := []string{"a1", "b2", "c3"}
	// Days back from the cutoff; orders_30d and orders_90d count orders 0–29
	// and 0–89 days old; the interval statistics are of the days between
	// consecutive orders (population standard deviation).
	features := map[string][3]float64{
		"recency_days":       {0, 200, 10},
		"frequency":          {100, 2, 3},
		"tenure_days":        {99, 400, 60},
		"orders_30d":         {30, 0, 1},
		"orders_90d":         {90, 0, 3},
		"interval_mean_days": {1, 200, 25},
		"interval_std_days":  {0, 0, 5},
	}
	// want names each note's first customer in row order, or by name
	// ("the first by pseudonym": the log's order would place it).
	want := func(name func(r int) string, byName bool) string {
		var out strings.Builder
		for _, pc := range b.Pipeline.Columns {
			v, ok := features[pc.Name]
			if !ok {
				t.Fatalf("the model has the feature %q, not worked out here", pc.Name)
			}
			above, below, first := 0, 0, -1
			for r, x := range v {
				switch {
				case !pc.Clip || (x >= pc.Min && x <= pc.Max):
					continue
				case x > pc.Max:
					above++
				default:
					below++
				}
				if first < 0 || byName && name(r) < name(first) {
					first = r
				}
			}
			var parts []string
			if above > 0 {
				parts = append(parts, fmt.Sprintf("%d %s above it scored as %s", above, plural(above, "value"), data.FormatStatistic(pc.Max)))
			}
			if below > 0 {
				parts = append(parts, fmt.Sprintf("%d %s below it scored as %s", below, plural(below, "value"), data.FormatStatistic(pc.Min)))
			}
			if first >= 0 {
				which := "the first"
				if byName {
					which += " by pseudonym"
				}
				fmt.Fprintf(&out, "note: %s: column %q: outside the range the model keeps [%s, %s] (its ends are means of the 10th–19th most extreme training values, for privacy): %s; %s is %s at customer %s\n",
					log, pc.Name, data.FormatStatistic(pc.Min), data.FormatStatistic(pc.Max), strings.Join(parts, " and "),
					which, data.FormatStatistic(v[first]), name(first))
			}
		}
		return out.String()
	}
	plain := want(func(r int) string { return ids[r] }, false)
	if strings.Count(plain, "\n") < 3 {
		t.Fatalf("only these notes are due:\n%s\nthe case wants a1's counts above the range at least", plain)
	}

	salt := writeFile(t, "salt.txt", "a secret salt of more than sixteen bytes\n")
	key, err := pseudonym.New([]byte("a secret salt of more than sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{nil, {"--pseudonymise", "--salt-file", salt}} {
		c := newCLI(t)
		if code := c.run(context.Background(), append([]string{"predict", "--model", model, "--log", log, "--cutoff", "2025-03-31"},
			args...)...); code != exitOK {
			t.Fatalf("predict %v: exit %d, stderr %q", args, code, c.stderr.String())
		}
		// The scores' ids: in the table's row order, or the pseudonyms of
		// a1, b2 and c3 in their own order.
		var written []string
		for _, line := range strings.Split(strings.TrimSpace(c.stdout.String()), "\n")[1:] {
			written = append(written, line[:strings.IndexByte(line, ',')])
		}
		shown := slices.Clone(ids)
		if args != nil {
			for r, id := range ids {
				shown[r] = key.ID(id)
			}
		}
		if !slices.Equal(written, slices.Sorted(slices.Values(shown))) || (args == nil && !slices.Equal(written, ids)) {
			t.Fatalf("predict %v scored %q, want %q in order", args, written, shown)
		}
		w := want(func(r int) string { return shown[r] }, args != nil)
		if args == nil && w != plain {
			t.Fatalf("the notes by written id differ from those by id")
		}
		stderr := c.stderr.String()
		if got := cellNoteLines(stderr, log); got != w {
			t.Errorf("predict %v: cell notes\n%s\nwant\n%s", args, got, w)
		}
		if args != nil && strings.Contains(stderr, "customer a1") {
			t.Errorf("predict --pseudonymise names a customer by its raw id:\n%s", stderr)
		}
		// The count of short histories still closes stderr.
		if !strings.HasPrefix(lastLine(stderr), "scored 3 customers active at 2025-03-31") {
			t.Errorf("stderr's last line %q, want the count of customers", lastLine(stderr))
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--log", log, "--cutoff", "2025-03-31"); code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	if got := cellNoteLines(c.stderr.String(), log); got != plain {
		t.Errorf("eval's cell notes\n%s\nwant predict's\n%s", got, plain)
	}
}

// plural is noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
