package anomalyscreen

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/tui/common"
)

// reasonText reads "cart_adds_30d 0 exp 6 (typ 0)": the user's value, the
// value the networks expect from the other columns and the typical one,
// digits grouped except a year's (birth_year 1985).
func (s Model) reasonText(r anomaly.Reason) string { return strings.Join(s.reasonParts(r), "") }

// reasonParts are reasonText in the pieces a row may be cut after:
// "cart_adds_30d 0", " exp 6", " (typ 0)".
func (s Model) reasonParts(r anomaly.Reason) []string {
	if r.Missing {
		return []string{r.Column + s.T(" missing", " 缺失")}
	}
	if r.Pair != nil {
		return s.pairParts(r)
	}
	v, e, t := r.Texts()
	if r.Level == "" && r.TypicalLevel == "" && !r.Date && !r.Year {
		num := func(text string) string { return common.WithMinus(common.GroupDigits(text)) }
		v, e, t = num(v), num(e), num(t)
	}
	if r.Outside > 0 && r.Usual != nil {
		// Far beyond the column's usual range: the range, not the
		// networks' expectation, says why.
		f := anomaly.FormatValues(r.Value, r.Usual.Low, r.Usual.High)
		for i := range f {
			f[i] = common.WithMinus(common.GroupDigits(f[i]))
		}
		usual := s.Tf(" (usual %s to %s)", "（常见 %s 至 %s）", f[1], f[2])
		if r.Negative {
			return []string{r.Column + " " + f[0], s.T(" negative, others ≥ 0", " 为负，其余不小于 0"), usual}
		}
		return []string{r.Column + " " + f[0], s.T(" far out of range", " 远超常见范围"), usual}
	}
	typ := s.Tf(" (typ %s)", "（通常 %s）", t)
	if r.Unsure() {
		return []string{r.Column + " " + v, s.T(" as expected but unsure", " 预期如此但不确定"), typ}
	}
	return []string{r.Column + " " + v, s.Tf(" exp %s", " 预期 %s", e), typ}
}

// reasonTexts are row's reasons, worded.
func (s Model) reasonTexts(row int) []string {
	var reasons []string
	for _, r := range s.res.Reasons(row, anomaly.DefaultReasons) {
		reasons = append(reasons, s.reasonText(r))
	}
	return reasons
}

// reasonPieces are row's reasons, each in reasonParts' pieces.
func (s Model) reasonPieces(row int) [][]string {
	var reasons [][]string
	for _, r := range s.res.Reasons(row, anomaly.DefaultReasons) {
		reasons = append(reasons, s.reasonParts(r))
	}
	return reasons
}

// reasonSep separates reasons: "; ", or the full-width "；" in Chinese.
func (s Model) reasonSep() string { return s.T("; ", "；") }

// fitReasons appends to line the reasons (each in reasonParts' pieces),
// joined by sep, that fit in w cells. When they do not all fit they are
// cut after the last whole reason that does, then "…": a cut inside a
// reason's number would change its digits ("interval_mean_days 340 exp 6…"
// read as an expected 6). When not even the first reason fits it is cut
// after its last whole piece that does ("interval_std_days 189 exp 27.9 …"),
// so that the row still says which column stands out; the detail lines
// under the list show them all.
func fitReasons(line string, reasons [][]string, sep string, w int) string {
	const more = " …"
	texts := make([]string, len(reasons))
	for i, r := range reasons {
		texts[i] = strings.Join(r, "")
	}
	if text := strings.Join(texts, sep); ansi.StringWidth(line+text) <= w {
		return line + text
	}
	kept := 0
	for kept < len(texts) && ansi.StringWidth(line+strings.Join(texts[:kept+1], sep)+more) <= w {
		kept++
	}
	if kept > 0 {
		return line + strings.Join(texts[:kept], sep) + more
	}
	pieces := 0
	for pieces < len(reasons[0]) && ansi.StringWidth(line+strings.Join(reasons[0][:pieces+1], "")+more) <= w {
		pieces++
	}
	if pieces == 0 {
		return common.Truncate(line+texts[0], w)
	}
	return line + strings.Join(reasons[0][:pieces], "") + more
}
