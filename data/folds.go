package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// ErrFolds marks a fold file that cannot be used.
var ErrFolds = errors.New("bad fold file")

// FoldAssignment gives every row of a table the fold whose held-out part it
// belongs to, so that cross-validation can run on folds made elsewhere (by
// scikit-learn's StratifiedKFold, say) and other tools on retain's own.
type FoldAssignment struct {
	// Fold holds each row's fold index, 0 to K-1, in row order.
	Fold []int
	// Labels holds the number each fold has in the file, ascending: fold i
	// was written as Labels[i].
	Labels []int
}

// K is the number of folds.
func (a FoldAssignment) K() int { return len(a.Labels) }

// ReadFolds reads a fold file for a table of rows rows: one integer per
// line, the fold of the data row on the same position, optionally after a
// header line that is not an integer (such as "fold"). Any integers may
// name the folds (0 to K-1 as scikit-learn numbers them, 1 to K, …); the
// folds are taken in ascending order of their numbers. Blank lines are
// refused, except at the end of the file; a line ending in CR LF is read
// as if it ended in LF. name is the file's name for the error messages,
// which give its line and column.
func ReadFolds(r io.Reader, name string, rows int) (FoldAssignment, error) {
	sc := bufio.NewScanner(r)
	var (
		fold      []int
		lineNo    int
		blankLine int
	)
	for sc.Scan() {
		lineNo++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if lineNo == 1 {
			// A spreadsheet's UTF-8 export may begin with a byte order
			// mark: without this the first number read as a header.
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" {
			if blankLine == 0 {
				blankLine = lineNo
			}
			continue
		}
		if blankLine != 0 {
			return FoldAssignment{}, parseErr(name, blankLine, 0, ErrFolds, "blank line before the end of the file: want one fold number per data row")
		}
		field := strings.TrimSpace(line)
		col := strings.Index(line, field) + 1
		if i := strings.IndexAny(field, ",;\t "); i >= 0 {
			return FoldAssignment{}, parseErr(name, lineNo, col+i, ErrFolds, fmt.Sprintf("%q has more than one field: want one fold number per line", field))
		}
		v, err := strconv.Atoi(field)
		if err != nil {
			if lineNo == 1 && !strings.ContainsAny(field, "0123456789") {
				continue // a header; "0.5" or "1x" is a bad fold number
			}
			return FoldAssignment{}, parseErr(name, lineNo, col, ErrFolds, fmt.Sprintf("%q is not a fold number (an integer)", field))
		}
		fold = append(fold, v)
	}
	if err := sc.Err(); err != nil {
		return FoldAssignment{}, parseErr(name, lineNo+1, 0, err, "cannot read the fold file: "+err.Error())
	}
	if len(fold) != rows {
		return FoldAssignment{}, fmt.Errorf("%w: %s: %d fold numbers for %d data rows: want one per row, in the data's order", ErrFolds, name, len(fold), rows)
	}
	labels := slices.Clone(fold)
	slices.Sort(labels)
	labels = slices.Compact(labels)
	if len(labels) == 0 {
		return FoldAssignment{}, fmt.Errorf("%w: %s: no fold numbers", ErrFolds, name)
	}
	if len(labels) < 2 {
		return FoldAssignment{}, fmt.Errorf("%w: %s: every row is in fold %d: cross-validation needs at least 2 folds", ErrFolds, name, labels[0])
	}
	for i, v := range fold {
		fold[i], _ = slices.BinarySearch(labels, v)
	}
	return FoldAssignment{Fold: fold, Labels: labels}, nil
}

// Folds returns the train/test rows of every fold, rows ascending.
func (a FoldAssignment) Folds() []Fold {
	folds := make([]Fold, a.K())
	for row, f := range a.Fold {
		for j := range folds {
			if j == f {
				folds[j].Test = append(folds[j].Test, row)
			} else {
				folds[j].Train = append(folds[j].Train, row)
			}
		}
	}
	return folds
}

// WriteFolds writes a fold file ReadFolds reads back: the header "fold",
// then each row's fold index (0 to K-1), one per line.
func WriteFolds(w io.Writer, fold []int) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("fold\n")
	for _, f := range fold {
		bw.WriteString(strconv.Itoa(f))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
