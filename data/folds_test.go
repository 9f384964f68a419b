package data

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestReadFoldsTakesAnyNumbersInAscendingOrder(t *testing.T) {
	// scikit-learn numbers folds 0 to K-1; a file may use 1 to K or any
	// integers. Fold i is the i-th smallest number.
	for _, c := range []struct {
		name, text string
	}{
		{"zero-based with a header", "fold\n0\n2\n1\n2\n0\n"},
		{"one-based, CR LF, trailing blank lines", "3\r\n5\r\n4\r\n5\r\n3\r\n\r\n\n"},
		{"negative and spaced", "  -7\n 9 \n0\n9\n-7"},
		// A spreadsheet's UTF-8 byte order mark: its first number used to
		// be skipped as a header ("4 fold numbers for 5 data rows").
		{"byte order mark", "\ufeff0\r\n2\r\n1\r\n2\r\n0\r\n"},
		{"byte order mark and a header", "\ufefffold\n0\n2\n1\n2\n0\n"},
	} {
		a, err := ReadFolds(strings.NewReader(c.text), "f.txt", 5)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if want := []int{0, 2, 1, 2, 0}; !reflect.DeepEqual(a.Fold, want) || a.K() != 3 {
			t.Errorf("%s: folds %v (K %d), want %v (K 3)", c.name, a.Fold, a.K(), want)
		}
	}
	a, _ := ReadFolds(strings.NewReader("fold\n1\n3\n2\n3\n1\n"), "f.txt", 5)
	if want := []int{1, 2, 3}; !reflect.DeepEqual(a.Labels, want) {
		t.Errorf("labels %v, want %v", a.Labels, want)
	}
	got := a.Folds()
	want := []Fold{{Train: []int{1, 2, 3}, Test: []int{0, 4}}, {Train: []int{0, 1, 3, 4}, Test: []int{2}}, {Train: []int{0, 2, 4}, Test: []int{1, 3}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Folds() = %v, want %v", got, want)
	}
}

func TestReadFoldsErrorsNameTheLineAndColumn(t *testing.T) {
	for _, c := range []struct {
		text string
		rows int
		want string
	}{
		{"fold\n0\nx1\n1\n", 3, `f.txt:3:1: "x1" is not a fold number (an integer)`},
		{"0\n  1.5\n", 2, `f.txt:2:3: "1.5" is not a fold number (an integer)`},
		// A first line with a digit is no header (it was skipped as one).
		{"0.5\n1\n0\n", 3, `f.txt:1:1: "0.5" is not a fold number (an integer)`},
		{"\ufeff1x\n1\n0\n", 3, `f.txt:1:1: "1x" is not a fold number (an integer)`},
		{"0\n1,0\n", 2, `f.txt:2:2: "1,0" has more than one field: want one fold number per line`},
		{"0\n 2 1\n", 2, `f.txt:2:3: "2 1" has more than one field: want one fold number per line`},
		{"0\n\n1\n", 2, `f.txt:2: blank line before the end of the file: want one fold number per data row`},
		{"fold\n0\n1\n0\n", 4, "bad fold file: f.txt: 3 fold numbers for 4 data rows: want one per row, in the data's order"},
		{"1\n1\n1\n", 3, "bad fold file: f.txt: every row is in fold 1: cross-validation needs at least 2 folds"},
		{"fold\n", 0, "bad fold file: f.txt: no fold numbers"},
	} {
		_, err := ReadFolds(strings.NewReader(c.text), "f.txt", c.rows)
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrFolds) {
			t.Errorf("%q: got %v, want %q (ErrFolds)", c.text, err, c.want)
		}
	}
}

// TestWriteFoldsReadsBack: what WriteFolds writes, ReadFolds reads back as
// the same assignment, for StratifiedFolds's folds.
func TestWriteFoldsReadsBack(t *testing.T) {
	y := make([]float64, 103)
	for i := range y {
		if i%4 == 0 {
			y[i] = 1
		}
	}
	a, err := StratifiedFolds(y, 5, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteFolds(&buf, a.Fold); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "fold\n") || strings.Count(buf.String(), "\n") != 104 {
		t.Fatalf("written: %q…", buf.String()[:20])
	}
	b, err := ReadFolds(&buf, "w.txt", len(y))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("read back %+v, want %+v", b, a)
	}
	// The folds are StratifiedKFold's.
	kf, err := StratifiedKFold(y, 5, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(kf, b.Folds()) {
		t.Error("StratifiedFolds's Folds() differ from StratifiedKFold's folds")
	}
}
