package experiment

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// LeakAUC is the single-column ROC AUC (the larger of AUC and 1 − AUC) from
// which a feature is said to separate the label on its own (LeakWarning).
const LeakAUC = 0.99

// leakMinClass is the fewest rows of each class the leak check needs: with
// fewer, a column of noise separates the classes by chance too often (10
// and 10 rows are split perfectly by one random order in 92,378).
const leakMinClass = 10

// leakRowsPerLevel is the fewest rows per level, on average, of a
// categorical column the leak check reads: each level is scored by its own
// positive rate, which separates the classes by chance when levels hold a
// row or two each.
const leakRowsPerLevel = 10

// leakMaxRows bounds the rows the leak check ranks per column: a larger
// table is read at an even stride of rows, enough to tell an AUC of 0.99
// from one of 0.9 while a wide table of millions of rows loads in seconds.
const leakMaxRows = 200_000

// LeakWarning reports a feature Column of the file Path that alone
// separates the label: its ROC AUC on its own is AUC (the larger of AUC and
// 1 − AUC, at least LeakAUC). Such a column is usually the label under
// another name (a Yes/No copy of a 0/1 label), or known only after the
// outcome (a churn reason, a score computed from the outcome), and makes a
// model look perfect that cannot be used before the outcome.
type LeakWarning struct {
	Path, Column string
	AUC          float64
}

// String is the warning in English.
func (w *LeakWarning) String() string {
	return fmt.Sprintf("%s: column %q alone separates the label (ROC AUC %.4f on its own): it may be the label under another name or known only after the outcome; leave it out with --exclude %s",
		w.Path, w.Column, w.AUC, ShellWord(w.Column))
}

var plainWord = regexp.MustCompile(`^[A-Za-z0-9_.,:/@%+=-]+$`)

// ShellWord writes a column name as one word of a shell command line: as
// it is when it holds only letters, digits and punctuation no shell reads,
// else in double quotes ("Churn Label").
func ShellWord(s string) string {
	if plainWord.MatchString(s) {
		return s
	}
	return strconv.Quote(s)
}

// LeakWarnings returns a LeakWarning for every feature of t (not an
// identifier, a constant or an excluded column) whose single-column ROC AUC
// against the label is at least LeakAUC, in table order. A numeric column
// scores each row by its value, with blanks as one group ranked both below
// and above every value (the better of the two counts); a boolean or
// categorical column scores each row by the positive rate of its level,
// blanks being a level of their own. The AUC is exact, ties given half
// credit (metrics.AUC). A table without a label, or with fewer than
// leakMinClass rows of either class, gets none, and a categorical column
// with fewer than leakRowsPerLevel rows per level is not checked.
func LeakWarnings(path string, t *data.Table) []LoadWarning {
	y := t.Label.Values
	if t.Label.Name == "" || len(y) == 0 {
		return nil
	}
	rows := leakRows(len(y))
	labels := make([]float64, len(rows))
	var pos int
	for k, i := range rows {
		labels[k] = y[i]
		if y[i] == 1 {
			pos++
		}
	}
	if pos < leakMinClass || len(rows)-pos < leakMinClass {
		return nil
	}
	var out []LoadWarning
	var scratch metrics.AUCScratch
	scores := make([]float64, len(rows))
	for _, c := range t.Features() {
		if a := columnAUC(&scratch, c, rows, labels, scores); a >= LeakAUC {
			out = append(out, &LeakWarning{Path: path, Column: c.Name, AUC: a})
		}
	}
	return out
}

// leakRows returns the rows the leak check reads: all n, or leakMaxRows
// of them at an even stride.
func leakRows(n int) []int {
	m := min(n, leakMaxRows)
	rows := make([]int, m)
	for k := range rows {
		rows[k] = int(int64(k) * int64(n) / int64(m))
	}
	return rows
}

// columnAUC is the larger of AUC and 1 − AUC of column c alone on rows
// (0.5 when it cannot be computed); scores is a buffer of len(rows).
func columnAUC(s *metrics.AUCScratch, c *data.Column, rows []int, labels, scores []float64) float64 {
	if c.Kind == data.Numeric {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, i := range rows {
			if v := c.Values[i]; !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		best := 0.0
		// Blanks below every value, then above (finite: metrics.AUC
		// takes no infinities).
		for _, blank := range []float64{lo - 1 - math.Abs(lo), hi + 1 + math.Abs(hi)} {
			for k, i := range rows {
				v := c.Values[i]
				if math.IsNaN(v) {
					v = blank
				}
				scores[k] = v
			}
			best = max(best, separation(s, scores, labels))
			if c.Missing == 0 {
				break
			}
		}
		return best
	}
	if c.Kind == data.Categorical && len(c.Levels)*leakRowsPerLevel > len(rows) {
		// Too few rows per level: levels of one or two rows each
		// separate the classes by their own positive rate.
		return 0.5
	}
	// Boolean and categorical: each level's positive rate.
	key := func(i int) string {
		if c.Values != nil {
			if math.IsNaN(c.Values[i]) {
				return ""
			}
			return strconv.FormatFloat(c.Values[i], 'g', -1, 64)
		}
		return c.Strings[i]
	}
	type tally struct{ pos, n float64 }
	levels := make(map[string]*tally)
	of := make([]*tally, len(rows)) // each row's level, keyed once
	for k, i := range rows {
		name := key(i)
		l := levels[name]
		if l == nil {
			l = &tally{}
			levels[name] = l
		}
		l.pos += labels[k]
		l.n++
		of[k] = l
	}
	for k, l := range of {
		scores[k] = l.pos / l.n
	}
	return separation(s, scores, labels)
}

// separation is max(AUC, 1 − AUC) of scores against labels, 0.5 when the
// AUC is undefined.
func separation(s *metrics.AUCScratch, scores, labels []float64) float64 {
	a, err := s.AUC(scores, labels, nil)
	if err != nil {
		return 0.5
	}
	return max(a, 1-a)
}
