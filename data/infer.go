package data

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// finish turns the column builders into typed columns and the label.
func (p *tableParser) finish(opts CSVOptions) (*Table, error) {
	var cols []*Column
	var label Label
	settleFileMarks(p.builders)
	for j := range p.builders {
		b := &p.builders[j]
		if j == p.labelCol {
			l, err := buildLabel(p.name, p.header[j], b.strs.take(), opts.PositiveClass)
			if err != nil {
				return nil, err
			}
			label = l
			continue
		}
		if b.numeric {
			if err := b.groupClash(p.name, p.header[j]); err != nil {
				return nil, err
			}
		}
		c := inferColumn(p.header[j], b, opts.MaxLevels, opts.DateOrder)
		c.Unnamed = slices.Contains(p.rr.unnamed, j)
		cols = append(cols, c)
		p.builders[j] = columnBuilder{} // let the intern map go
	}
	t, err := NewTable(p.name, cols, label)
	if err != nil {
		return nil, err
	}
	t.BlankLabels = p.blank.report(p.parquet)
	if len(t.Features()) == 0 {
		// withheld words it without the cells it quotes, all of columns
		// of text (identifiers, mostly): ParseError.Withheld.
		var why, withheld []string
		var facts NoFeatures
		for _, c := range cols {
			w := fmt.Sprintf("%s: %s", c.Name, c.KindName())
			ww := w
			if c.Why.DecimalComma[0] != "" {
				hidden := c.Why
				hidden.DecimalCommaHidden = true
				w, ww = fmt.Sprintf("%s: %s", c.Name, c.Note), fmt.Sprintf("%s: %s", c.Name, hidden.String())
			}
			if c.Mixed != nil {
				w += fmt.Sprintf(", mostly numbers but %d of %d in the first rows are not (%s, the first at line %d, column %d)",
					c.Mixed.NotNumbers, c.Mixed.Present, strings.Join(c.Mixed.Examples, ", "), c.Mixed.Line, c.Mixed.Column)
				ww += fmt.Sprintf(", mostly numbers but %d of %d in the first rows are not (the first at line %d, column %d; %s)",
					c.Mixed.NotNumbers, c.Mixed.Present, c.Mixed.Line, c.Mixed.Column, withheldValues)
			}
			why, withheld = append(why, w), append(withheld, ww)
			if len(facts.Columns) < maxWhyColumns {
				facts.Columns = append(facts.Columns, Unusable{Name: c.Name, Kind: c.Kind, NamesRows: c.NamesRows(), Mixed: c.Mixed,
					DecimalComma: c.Why.DecimalComma})
			}
		}
		msg, hidden := "no usable feature column", "no usable feature column"
		if n := len(why); n > maxWhyColumns {
			more := fmt.Sprintf("and %s more", Thousands(n-maxWhyColumns))
			why, withheld = append(why[:maxWhyColumns], more), append(withheld[:maxWhyColumns], more)
			facts.More = n - maxWhyColumns
		}
		if len(why) > 0 {
			msg += " (" + strings.Join(why, ", ") + ")"
			hidden += " (" + strings.Join(withheld, ", ") + ")"
		}
		pe := parseErr(p.name, 0, 0, ErrNoFeatures, msg)
		pe.Facts = facts
		if hidden != msg {
			pe.Withheld = hidden
		}
		return nil, pe
	}
	return t, nil
}

// maxWhyColumns bounds the columns the no-feature refusal gives a reason
// for: a table of thousands of empty columns is refused in a line, not a
// page.
const maxWhyColumns = 20

// inferColumn decides the final kind of a column from all its values;
// dates written with the year last are read in the order given (DateAuto:
// the order the column's own dates show).
func inferColumn(name string, b *columnBuilder, maxLevels int, given DateOrder) *Column {
	if b.numeric {
		values := b.values.take()
		if c := yyyymmddColumn(name, values, b.missing); c != nil {
			c.MissingWords = b.words.list()
			return c
		}
		c := inferNumeric(name, values, b.missing, &b.written)
		c.DecimalComma = c.Kind == Numeric && b.marks.comma
		c.Stripped = b.stripped
		c.MissingWords = b.words.list()
		return c
	}
	strs := b.strs.take()
	levels := distinctStrings(b, strs)
	if numeric, pointGroups := allNumeric(levels, b.decimalComma); len(levels) > 0 && numeric {
		c := inferNumeric(name, stringsToNumbers(strs, b.decimalComma, pointGroups), b.missing, nil)
		if c.Kind == ID {
			c.Strings = strs // the ids as written
		}
		c.DecimalComma = c.Kind == Numeric && pointGroups
		c.Stripped = levelMarks(levels, b.decimalComma)
		return c
	}
	if c := spacedColumn(name, b, strs, levels); c != nil {
		return c
	}
	if c := numbersWithWords(name, b, strs, levels); c != nil {
		return c
	}
	var dateWhy Reason
	if len(levels) > 1 {
		days, order, why, ok := datesOf(levels, given)
		if ok {
			return dateColumn(name, strs, days, order, b.missing)
		}
		c, whyValid := datesWithInvalid(name, b, strs, levels, given)
		if c != nil {
			return c
		}
		if why.doubt == DateDoubtNone {
			why = whyValid
		}
		if unread, readable, ok := unreadDates(levels); ok {
			dateWhy.DateUnread = unread
			if _, _, w, ok := datesOf(readable, given); !ok && why.doubt == DateDoubtNone {
				why = w
			}
		}
		dateWhy.Dates, dateWhy.DateFirst, dateWhy.DateSecond, dateWhy.DateGiven = why.doubt, why.first, why.second, why.given
	}
	c := inferText(name, b, strs, levels, maxLevels)
	if dateWhy.HasDates() {
		c.Why.Dates, c.Why.DateFirst, c.Why.DateSecond = dateWhy.Dates, dateWhy.DateFirst, dateWhy.DateSecond
		c.Why.DateGiven, c.Why.DateUnread = dateWhy.DateGiven, dateWhy.DateUnread
		c.Note = c.Why.String()
	}
	return c
}

// inferText classifies a text column that is neither numbers nor dates.
func inferText(name string, b *columnBuilder, strs, levels []string, maxLevels int) *Column {
	c := &Column{Name: name, Strings: strs, Missing: b.missing, Mixed: b.mixed, Warning: b.mixed.String()}
	present := len(strs) - b.missing
	switch {
	case len(levels) == 0:
		c.Kind = Constant
		c.explain(Reason{Kind: ReasonAllMissing})
	case len(levels) == 1 && b.missing > 0 && present >= 2:
		c.asPresence(levels[0], b.missing)
	case len(levels) == 1:
		c.Kind, c.Levels = Constant, levels
		c.explain(Reason{Kind: ReasonSingleValue})
	case booleanPair(levels) != nil:
		c.Kind, c.Levels = Boolean, booleanPair(levels)
		c.Values = make([]float64, len(strs))
		for i, s := range strs {
			switch s {
			case "":
				c.Values[i] = math.NaN()
			case c.Levels[1]:
				c.Values[i] = 1
			}
		}
		c.Strings = nil
	case len(levels) == present && (idLikeName(name) || present >= 20):
		c.Kind = ID
		c.explain(Reason{Kind: ReasonUnique, Blanks: b.missing, DecimalComma: decimalCommaCells(b, strs, levels)})
	case idLikeName(name) && 4*len(levels) >= 3*present && len(levels) > 2:
		// Duplicate rows repeat an id; a name like customerID plus mostly
		// distinct values still means identifier.
		c.Kind = ID
		c.explain(Reason{Kind: ReasonIDName, Distinct: len(levels), Rows: present, Blanks: b.missing})
	case len(levels) <= maxLevels:
		c.Kind, c.Levels = Categorical, levels
		// Numbers with a decimal comma, few enough to be a category: the
		// reason says so, for a program to warn that they are not read
		// as numbers.
		if cells := decimalCommaCells(b, strs, levels); cells[0] != "" {
			c.explain(Reason{DecimalComma: cells})
		}
	default:
		c.Kind = ID
		c.explain(Reason{Kind: ReasonTooManyLevels, Distinct: len(levels), Rows: present, MaxLevels: maxLevels,
			DecimalComma: decimalCommaCells(b, strs, levels)})
	}
	return c
}

// decimalCommaCells returns the first one or two cells, in file order, that
// write a decimal comma in a text column whose every value (levels) reads
// as a number the way a semicolon-separated file reads numbers (allNumeric
// with its decimal comma), so that the column is most likely numbers in a
// file that is not separated by semicolons; none ("") for any other column,
// and in a semicolon file, which reads such numbers already.
func decimalCommaCells(b *columnBuilder, strs, levels []string) (cells [2]string) {
	if b.decimalComma {
		return cells
	}
	if numeric, _ := allNumeric(levels, true); !numeric {
		return cells
	}
	n := 0
	for _, s := range strs {
		if strings.Contains(s, ",") && (n == 0 || s != cells[0]) {
			cells[n] = s
			if n++; n == len(cells) {
				break
			}
		}
	}
	return cells
}

// inferNumeric classifies a numeric column as constant, boolean (only 0 and
// 1), identifier (unique integers named like an id or numbering the rows, or
// long ones: longIdentifier) or numeric. written, when not nil, holds
// what the numbers lost of the cells' text, for an identifier's ids.
func inferNumeric(name string, values []float64, missing int, written *writtenCells) *Column {
	c := &Column{Name: name, Kind: Numeric, Values: values, Missing: missing}
	first, lo, hi := math.NaN(), math.Inf(1), math.Inf(-1)
	distinct, binary, integral := 0, true, true
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if distinct == 0 {
			first, distinct = v, 1
		} else if distinct == 1 && v != first {
			distinct = 2
		}
		binary = binary && (v == 0 || v == 1)
		integral = integral && v == math.Trunc(v)
		// Plain comparisons: NaN is already excluded, and math.Min/Max
		// cost a call per cell.
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	present := len(values) - missing
	// The identifier rules judge the present values: one blank cell (a
	// merge's or an export's) leaves an id an id, its blank ids counted
	// in the reason.
	ids := values
	if integral && missing > 0 && distinct > 1 {
		ids = presentValues(values, present)
	}
	// Past 15 digits float64s collide: the cells' text says whether the
	// ids repeat (longTextIdentifier).
	if integral && present >= 2 && written != nil && written.texts.len() > 0 && c.longTextIdentifier(name, written) {
		return c
	}
	switch {
	case distinct == 0:
		c.Kind = Constant
		c.explain(Reason{Kind: ReasonAllMissing})
	case distinct == 1 && missing > 0 && present >= 2:
		c.asPresence(formatNumber(first), missing)
	case distinct == 1:
		c.Kind, c.Levels = Constant, []string{formatNumber(first)}
		c.explain(Reason{Kind: ReasonSingleValue})
	case binary:
		c.Kind, c.Levels = Boolean, []string{"0", "1"}
	case integral && present >= 2 && integerIdentifier(name, ids, lo, hi, missing == 0):
		c.explain(Reason{Kind: ReasonUniqueIntegers, Blanks: missing})
		c.asIdentifier(written)
	case integral && !measureName(name) && longIdentifier(ids, lo, hi):
		c.explain(Reason{Kind: ReasonLongIntegers, Rows: present, Digits: digitCount(lo), Blanks: missing})
		c.asIdentifier(written)
	case integral && idLikeName(name):
		// Duplicate rows repeat an id: as for text, a name like
		// customerID plus mostly distinct whole numbers still means
		// identifier.
		if d := countDistinct(ids); 4*d >= 3*present && d > 2 {
			c.explain(Reason{Kind: ReasonIDName, Distinct: d, Rows: present, Blanks: missing})
			c.asIdentifier(written)
		}
	}
	return c
}

// asIdentifier turns a numeric column into an identifier, its values
// written as text with every digit (15634602, not 1.5634602e+07) and what
// written (nil for nothing) says they lost of the cells' text: the leading
// zeros of 0003676, the digits of 2058466726881502778 that no float64
// holds.
func (c *Column) asIdentifier(written *writtenCells) {
	c.Kind, c.Strings, c.Values = ID, writtenIDs(c.Values, written), nil
}

// presentValues returns the values that are not NaN, present of them.
func presentValues(values []float64, present int) []float64 {
	out := make([]float64, 0, present)
	for _, v := range values {
		if !math.IsNaN(v) {
			out = append(out, v)
		}
	}
	return out
}

// countDistinct counts the distinct values of a column without blanks.
func countDistinct(values []float64) int {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	n := 0
	for i, v := range sorted {
		if i == 0 || v != sorted[i-1] {
			n++
		}
	}
	return n
}

// integerIdentifier reports whether a column of whole numbers (values,
// the present ones; complete when the column has no blank) is an
// identifier: distinct values, and either a name that reads like one
// (CustomerId, user_id: any range; acct, cust_no, kundennr: at least 20
// values, customerIDName), or values that number the rows of a
// column without blanks (1..n in any order, as a RowNumber column does),
// or at least 100 values
// packed densely into their range as assigned ids are. Counts and amounts
// drawn at random repeat values long before 100 rows fill a range four
// times their number (all distinct with probability below e^-12).
func integerIdentifier(name string, values []float64, lo, hi float64, complete bool) bool {
	n := float64(len(values))
	switch {
	case idLikeName(name):
	case n >= 20 && customerIDName(name):
	case complete && n >= 20 && hi-lo+1 == n:
	case n >= 100 && hi-lo < 4*n:
	default:
		return false
	}
	return uniqueIntegers(values, lo, hi)
}

// uniqueIntegers reports whether whole numbers in [lo, hi] are distinct.
func uniqueIntegers(values []float64, lo, hi float64) bool {
	if hi-lo >= float64(4*len(values)) {
		// A sparse range (ids of a large system): sort a copy.
		sorted := slices.Clone(values)
		slices.Sort(sorted)
		for i := 1; i < len(sorted); i++ {
			if sorted[i] == sorted[i-1] {
				return false
			}
		}
		return true
	}
	seen := make([]bool, int(hi-lo)+1)
	for _, v := range values {
		k := int(v - lo)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func distinctStrings(b *columnBuilder, strs []string) []string {
	var levels []string
	if b.intern != nil {
		levels = make([]string, 0, len(b.intern))
		for s := range b.intern {
			levels = append(levels, s)
		}
	} else {
		set := make(map[string]struct{})
		for _, s := range strs {
			if s != "" {
				set[s] = struct{}{}
			}
		}
		for s := range set {
			levels = append(levels, s)
		}
	}
	slices.Sort(levels)
	return levels
}

// allNumeric reports whether every level is a number. In a decimal-comma
// file the levels are read as decimalMarks reads a column: a level written
// with a comma makes the column's points group thousands (pointGroups), and
// a level that clashes with it leaves the column not numeric.
func allNumeric(levels []string, decimalComma bool) (numeric, pointGroups bool) {
	var m decimalMarks
	for _, s := range levels {
		t := []byte(s)
		if !decimalComma {
			if _, ok := parseCell(t, false); !ok {
				return false, false
			}
			continue
		}
		// Line 1 for every level: a level has no line, but the first
		// ungroupable point must still be remembered.
		if ok, _ := m.readLevel(t); !ok {
			return false, false
		}
	}
	return true, m.comma
}

// stringsToNumbers parses the cells of a column allNumeric accepted.
func stringsToNumbers(strs []string, decimalComma, pointGroups bool) []float64 {
	out := make([]float64, len(strs))
	for i, s := range strs {
		var v float64
		ok := false
		if pointGroups {
			v, ok = parseGrouped([]byte(s))
		}
		if !ok {
			v, ok = parseCell([]byte(s), decimalComma)
		}
		if !ok {
			v = math.NaN()
		}
		out[i] = v
	}
	return out
}

// booleanSpellings lists recognised [false, true] pairs, lower-case; 否/是
// and 假/真 are Chinese's no/yes and false/true.
var booleanSpellings = [][2]string{{"no", "yes"}, {"false", "true"}, {"n", "y"}, {"f", "t"}, {"0", "1"}, {"否", "是"}, {"假", "真"}}

// BooleanSpellings returns the [false, true] pairs, lower-case, that a
// boolean column's cell may use besides its fitted levels (matched in any
// case, in this order): for code that must read them outside Go, such as
// the SQL export.
func BooleanSpellings() [][2]string { return slices.Clone(booleanSpellings) }

// booleanPair returns the [false, true] spellings of two sorted levels that
// form a recognised boolean pair, or nil.
func booleanPair(levels []string) []string {
	if len(levels) != 2 {
		return nil
	}
	for _, p := range booleanSpellings {
		switch {
		case strings.EqualFold(levels[0], p[0]) && strings.EqualFold(levels[1], p[1]):
			return []string{levels[0], levels[1]}
		case strings.EqualFold(levels[1], p[0]) && strings.EqualFold(levels[0], p[1]):
			return []string{levels[1], levels[0]}
		}
	}
	return nil
}

// idLikeName reports whether a header reads like an identifier (customerID,
// CustomerId, user_id, userid, RowNumber, order key, …). Common words that
// merely end in "id" (paid, valid, …) do not count.
func idLikeName(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	// 编号 and 号码 are Chinese for "number" in an id's sense (用户编号,
	// 会员号码).
	for _, suffix := range []string{"id", "key", "number", "num", "nbr", "uuid", "guid", "email", "编号", "号码"} {
		if strings.HasSuffix(n, suffix) {
			return !slices.ContainsFunc(idLookalikes, func(w string) bool { return strings.HasSuffix(n, w) })
		}
	}
	return false
}

// measureName reports whether a header names a measure (an amount, a
// count, a size) whose whole numbers may be many-digit and distinct without
// being an identifier: annual_revenue in dollars, page_views, …
func measureName(name string) bool { return containsAny(strings.ToLower(name), measureWords) }

// measureWords are the words of measures' names (measureName).
var measureWords = []string{"amount", "revenue", "income", "salary", "balance", "price", "value", "spend", "sales", "total",
	"cost", "charge", "pay", "fee", "credit", "limit", "profit", "budget", "sum", "count", "qty", "quantity", "size",
	"weight", "view", "visit", "click", "population", "bytes", "duration", "second", "金额", "收入", "余额", "价格", "数量"}

// idLookalikes are words ending in "id" that name measures, not identifiers.
var idLookalikes = []string{"paid", "valid", "covid", "humid", "rapid", "fluid", "solid", "liquid", "hybrid", "void", "avoid"}
