package data

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// foldLabel reads a label column whose values are two classes written in
// several ways that differ only in case or surrounding spaces ("Yes",
// "yes", "YES "), or numbers written two ways ("1", "1.0"), as a column
// typed by hand or merged from several exports holds them: each class is named by its most frequent spelling (the first
// in sorted order on a tie), and ok is false unless the values fold to
// exactly two classes. Scoring reads the label the same way (labelValue
// compares without case).
func foldLabel(name string, values []string, positive string) (Label, bool) {
	fold := labelKey
	counts := map[string]map[string]int{} // folded → spelling → count
	for _, v := range values {
		f := fold(v)
		if counts[f] == nil {
			if len(counts) == 2 {
				return Label{}, false
			}
			counts[f] = map[string]int{}
		}
		counts[f][v]++
	}
	if len(counts) != 2 {
		return Label{}, false
	}
	classes := make([]string, 0, 2)
	byFold := map[string]string{}
	var others []string
	for f, spellings := range counts {
		names := make([]string, 0, len(spellings))
		for s := range spellings {
			names = append(names, s)
		}
		slices.SortFunc(names, func(a, b string) int {
			return cmp.Or(cmp.Compare(spellings[b], spellings[a]), cmp.Compare(a, b))
		})
		classes = append(classes, names[0])
		byFold[f] = names[0]
		others = append(others, names[1:]...)
	}
	slices.Sort(classes)
	slices.Sort(others)
	written := make([]string, len(values))
	for i, v := range values {
		written[i] = byFold[fold(v)]
	}
	l, err := buildLabel("", name, written, positive)
	if err != nil {
		return Label{}, false
	}
	l.Spellings = others
	return l, true
}

// labelSpellingsNote says which spellings of a label's classes were read
// as them ("" when none was).
func labelSpellingsNote(t *Table) string {
	if len(t.Label.Spellings) == 0 {
		return ""
	}
	return fmt.Sprintf("%s: label column %q: %s read as %q or %q, the class each differs from only in case or spaces",
		t.Source, t.Label.Name, quoteList(t.Label.Spellings, 6), t.Label.Positive, t.Label.Negative)
}

// labelKey is a label value as foldLabel compares it: a number by its
// value ("1.0" is "1"), any other text trimmed and in lower case.
func labelKey(v string) string {
	v = strings.TrimSpace(v)
	if f, err := strconv.ParseFloat(v, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strings.ToLower(v)
}

// oneClassTwoWays is the refusal of a label whose two values are one class
// written two ways ("Yes" and "yes"), "" when they are two classes.
func oneClassTwoWays(name string, classes []string) string {
	if len(classes) != 2 || labelKey(classes[0]) != labelKey(classes[1]) {
		return ""
	}
	return fmt.Sprintf("label column %q has only one class, written two ways (%q and %q differ only in case, spaces or how a number is written); it needs exactly two",
		name, classes[0], classes[1])
}
