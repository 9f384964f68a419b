package common

import (
	"strings"

	"github.com/retainlab/retain/data"
)

// ExtrapolationNote says in one sentence, as `retain predict` and `retain
// plan` warn, the columns for which many of the customers shown lie beyond
// the range the model keeps, each with the share of them beyond it (both
// ends together); "" when none does. xs are as data.Pipeline.Extrapolations
// (or experiment's wrappers of it) list them, a column's ends next to each
// other; the screen adds what to read with care. `retain predict` and
// `retain plan` name the ends.
func (c Common) ExtrapolationNote(xs []data.Extrapolation) string {
	if len(xs) == 0 {
		return ""
	}
	var cols []string
	rows := 0
	for i, x := range xs {
		rows += x.Rows
		if i+1 < len(xs) && xs[i+1].Column == x.Column {
			continue
		}
		cols = append(cols, c.Tf("%s (%s %%)", "%s（%s %%）", x.Column, Decimal(100*float64(rows)/float64(x.Of), 1)))
		rows = 0
	}
	return c.Tf("The model is extrapolating: many of these customers lie beyond the range it keeps, and were scored at its end, on %s.",
		"模型在外推：许多客户超出模型保留的范围，按范围端点打分，涉及 %s。", strings.Join(cols, c.T(", ", "、")))
}
