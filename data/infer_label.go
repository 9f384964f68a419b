package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// labelNames lists the header names detected as a label, in priority order.
// They are compared in lower case with spaces, '_' and '-' removed.
var labelNames = []string{
	"churn", "churned", "label", "target", "revenue", "exited", "purchased", "purchase",
	"converted", "conversion", "retained", "attrition", "bought", "willbuy", "repurchase", "repurchased",
	"response", "responded", "subscribed", "cancelled", "canceled",
	// The same in Chinese: churned, label, target, purchased, repurchased,
	// converted, retained, responded (是否… is "whether …").
	"是否流失", "流失", "标签", "目标", "是否购买", "购买", "已购买", "是否复购", "复购", "是否转化", "转化", "是否留存", "留存",
	"是否响应", "响应",
	"outcome", "class", "y",
}

func normalizeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' || r == '-' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// findLabel returns the index of the label column: the one named want (an
// exact match first, then case-insensitive), or the first header matching
// labelNames when want is "".
func findLabel(file string, header []string, want string) (int, error) {
	if want != "" {
		if i := slices.Index(header, want); i >= 0 {
			return i, nil
		}
		for i, h := range header {
			if strings.EqualFold(h, want) {
				return i, nil
			}
		}
		return -1, &LabelNotFoundError{ParseError: parseErr(file, 1, 0, ErrNoLabel,
			fmt.Sprintf("no column named %q for the label (columns: %s)%s", want, columnList(header), headerlessHint(header))),
			Columns: slices.Clone(header), Named: want, Headerless: headerReadsAsData(header)}
	}
	for _, candidate := range labelNames {
		for i, h := range header {
			if normalizeName(h) == candidate {
				return i, nil
			}
		}
	}
	if i := affixedLabel(header); i >= 0 {
		return i, nil
	}
	const notFound = "no label column found (looked for churn, label, target, revenue, exited, purchased, …)"
	return -1, &LabelNotFoundError{ParseError: parseErr(file, 1, 0, ErrNoLabel, notFound+headerlessHint(header)),
		Columns: slices.Clone(header), sentence: notFound, Headerless: headerReadsAsData(header)}
}

// labelColumn returns the index of the label column as opts asks for it
// (findLabel), or -1 for a table read without a label: with NoLabel, or
// with LabelOptional when none is named and none is detected.
func labelColumn(file string, header []string, opts CSVOptions) (int, error) {
	if opts.NoLabel {
		return -1, nil
	}
	i, err := findLabel(file, header, opts.Label)
	if err != nil && opts.LabelOptional && opts.Label == "" {
		return -1, nil
	}
	return i, err
}

// LabelNotFoundError is the ParseError of a file whose label column was
// neither named correctly nor recognised; Columns is its header, so that a
// program can ask which column is the label (Offered is the order to offer
// them in). For a CSV file whose label was not named, the columns with two
// values in the first rows come first (and the message names them): they
// are the likeliest labels.
type LabelNotFoundError struct {
	*ParseError
	Columns []string
	// TitleAbove is the line of a wider row below a first line of one
	// cell (a report's title above the header), 0 when there is none: no
	// column of the first line can be the label then.
	TitleAbove int
	// Title is the one cell of the first line and TitleCells the number of
	// cells on line TitleAbove (set with TitleAbove).
	Title      string
	TitleCells int
	// Named is the column asked for as the label, "" when the label was to
	// be recognised by its name.
	Named string
	// Likeliest are the columns with two values in the first rows of a
	// CSV file (nil when there are none). When the label was not named,
	// the message names them as the likeliest labels and Columns starts
	// with them; when it was, the message lists the columns as the header
	// has them, and Columns too.
	Likeliest []string
	// Headerless says the first line, read as the header, reads as data
	// (every cell a number or a date): the file seems to have no header
	// row, and the message says so.
	Headerless bool
	// Advice, empty as the error is made, is set by a program that names
	// a label its own way (the command line: its --label flag) when none
	// was named (Named ""): the message then has it right after the
	// sentence that no label column was found, before what follows about
	// the likeliest columns or a title line. Msg never holds it.
	Advice string
	// sentence is the start of Msg that says no label column was found,
	// "" when the label was named; the rest of Msg is the hint added.
	sentence string
}

// Error is the ParseError's message, with Advice after its first sentence
// when a program set one.
func (e *LabelNotFoundError) Error() string {
	if e.Advice == "" || e.sentence == "" || !strings.HasPrefix(e.Msg, e.sentence) {
		return e.ParseError.Error()
	}
	advised := *e.ParseError
	advised.Msg = e.sentence + e.Advice + e.Msg[len(e.sentence):]
	return advised.Error()
}

// Unwrap returns the ParseError (which wraps ErrNoLabel).
func (e *LabelNotFoundError) Unwrap() error { return e.ParseError }

// positiveWords are label values taken as the positive class when the two
// classes are not a boolean pair.
var positiveWords = []string{"churn", "churned", "exited", "left", "purchased", "bought", "positive", "pos", "retained", "converted", "attrited",
	"流失", "已流失", "购买", "已购买", "复购", "已复购", "转化", "已转化", "留存", "响应", "已响应"}

// buildLabel checks that a label column is binary and encodes it as 0/1.
func buildLabel(file, name string, values []string, positive string) (Label, error) {
	set := make(map[string]struct{}, 2)
	for _, v := range values {
		if _, ok := set[v]; !ok {
			set[v] = struct{}{}
			if len(set) > 20 {
				break
			}
		}
	}
	classes := make([]string, 0, len(set))
	for v := range set {
		classes = append(classes, v)
	}
	slices.Sort(classes)
	if len(classes) > 2 {
		if l, ok := foldLabel(name, values, positive); ok {
			return l, nil
		}
	}
	if msg := oneClassTwoWays(name, classes); msg != "" {
		pe := parseErr(file, 0, 0, ErrLabelNotBinary, msg)
		pe.Facts = LabelClasses{Column: name, Classes: classes, TwoWays: true}
		return Label{}, pe
	}
	switch {
	case len(classes) == 1:
		pe := parseErr(file, 0, 0, ErrLabelNotBinary,
			fmt.Sprintf("label column %q has only one class (%q); it needs exactly two", name, classes[0]))
		pe.Facts = LabelClasses{Column: name, Classes: classes}
		return Label{}, pe
	case len(classes) > 2:
		shown := quoteList(classes, 5)
		pe := parseErr(file, 0, 0, ErrLabelNotBinary,
			fmt.Sprintf("label column %q has %s classes (%s); it needs exactly two", name, countText(classes, 20), shown))
		pe.Facts = LabelClasses{Column: name, Classes: classes}
		if len(classes) > 20 {
			pe.Facts = LabelClasses{Column: name, Classes: classes, MoreThan: 20}
		}
		return Label{}, pe
	}
	pos, byConvention, err := choosePositive(classes, positive)
	if err != nil {
		return Label{}, parseErr(file, 0, 0, ErrLabelNotBinary,
			fmt.Sprintf("positive class %q is not a value of label column %q (%s)", positive, name, quoteList(classes, 2)))
	}
	l := Label{Name: name, Values: make([]float64, len(values)), Positive: classes[pos], Negative: classes[1-pos]}
	var ones int
	for i, v := range values {
		if v == l.Positive {
			l.Values[i] = 1
			ones++
		}
	}
	if !byConvention && 2*ones > len(values) {
		// With no naming convention to go by, the rarer class is the event.
		l.Positive, l.Negative = l.Negative, l.Positive
		for i, v := range l.Values {
			l.Values[i] = 1 - v
		}
	}
	return l, nil
}

// choosePositive returns the index in the two sorted classes of the positive
// class: the requested one, the true side of a boolean pair, the larger of
// two numbers, a positive word, or else 1. byConvention is false only for
// that last fallback, where the caller applies the minority rule instead.
func choosePositive(classes []string, requested string) (pos int, byConvention bool, err error) {
	if requested != "" {
		for i, c := range classes {
			if c == requested {
				return i, true, nil
			}
		}
		for i, c := range classes {
			if strings.EqualFold(c, requested) {
				return i, true, nil
			}
		}
		return 0, false, fmt.Errorf("not found")
	}
	if pair := booleanPair(classes); pair != nil {
		return slices.Index(classes, pair[1]), true, nil
	}
	a, errA := strconv.ParseFloat(classes[0], 64)
	b, errB := strconv.ParseFloat(classes[1], 64)
	if errA == nil && errB == nil {
		if a > b {
			return 0, true, nil
		}
		return 1, true, nil
	}
	for i, c := range classes {
		if slices.Contains(positiveWords, strings.ToLower(c)) {
			return i, true, nil
		}
	}
	return 1, false, nil
}

func quoteList(values []string, limit int) string {
	var parts []string
	for i, v := range values {
		if i == limit {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Quote(v))
	}
	return strings.Join(parts, ", ")
}

func countText(values []string, limit int) string {
	if len(values) > limit {
		return fmt.Sprintf("more than %d", limit)
	}
	return strconv.Itoa(len(values))
}
