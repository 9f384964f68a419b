package recscreen

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Widths of the metrics table, the bars beside it at most, and a
// description at most.
const (
	tableW   = 46
	maxBarsW = 64
	maxDescW = 48
)

// metricLines are the metrics table with the bars of recall@10 and
// NDCG@10 beside it (below it when narrow), or why nothing was measured.
func (s Model) metricLines(w int) []string {
	st, res := s.Styles, s.res
	if !res.Evaluated || len(res.Metrics) == 0 {
		lines := []string{"", st.Muted.Render(common.Truncate(s.Tf("Recommendations at %s for the next %d days; not measured: the log has no whole horizon after this cutoff.",
			"%s 起 %d 天的推荐；未评估：日志中该截止日之后不足一个观察期。", res.Cutoff.Format(time.DateOnly), res.HorizonDays), w))}
		if e := s.resEmpty; e != nil {
			lines = append([]string{""}, s.wrapMuted(s.Tf("Recommendations at %s for the next %d days; not measured: %s.",
				"%s 起 %d 天的推荐；未评估：%s。", res.Cutoff.Format(time.DateOnly), res.HorizonDays, s.noBuyers(e)), w)...)
		}
		lines = append(lines, s.checkLines(w)...)
		return append(lines, st.Muted.Render(common.Truncate(s.T("v shows the customers and their items.", "按 v 查看客户及其推荐商品。"), w)))
	}
	first := res.Metrics[0]
	// Wrapped between its parts, not cut: at 80 columns a log's
	// catalogue ("3,628 items") was cut off.
	lines := common.PackStyled([]string{
		st.Title.Render(s.Tf("Measured at %s, next %d days", "在 %s 评估，之后 %d 天", res.Cutoff.Format(time.DateOnly), res.HorizonDays)),
		st.Muted.Render(s.Tf("%s customers bought", "%s 位客户购买", common.Thousands(first.Customers))),
		st.Muted.Render(s.Tf("catalogue %s items", "商品目录 %s 件", common.Thousands(first.Catalogue))),
	}, st.Muted.Render(" · "), w, st.Muted)
	lines = append(lines, s.checkLines(w)...)
	if g := res.Gain; g != nil {
		pct := recommend.TrendPercent
		lines = append(lines, s.wrapMuted(s.Tf("At 10, model vs GP-TopFreq: recall %s (95 %% CI %s to %s), NDCG %s (%s to %s).",
			"前 10 项，模型相对 GP-TopFreq：召回率 %s（95 %% 置信区间 %s 至 %s），NDCG %s（%s 至 %s）。",
			pct(g.Recall), pct(g.RecallLow), pct(g.RecallHigh), pct(g.NDCG), pct(g.NDCGLow), pct(g.NDCGHigh)), w)...)
	}
	header := common.Pad(s.T("ranker", "方法"), 11) + common.PadLeft("k", 4) + common.PadLeft(s.T("hit", "命中率"), 7) +
		common.PadLeft(s.T("recall", "召回率"), 8) + common.PadLeft("NDCG", 7) + common.PadLeft(s.T("coverage", "覆盖率"), 9)
	table := []string{st.Header.Render(header)}
	for _, m := range res.Metrics {
		for i, at := range m.At {
			name := ""
			if i == 0 {
				name = s.rankerName(m.Ranker)
			}
			row := common.Pad(name, 11) + fmt.Sprintf(" %3d %6.3f %7.3f %6.3f %8.3f", at.K, at.Hit, at.Recall, at.NDCG, at.Coverage)
			if m.Ranker == recommend.ModelName {
				row = st.Value.Render(row)
			}
			table = append(table, row)
		}
	}
	barsW := min(w-tableW-3, maxBarsW)
	if barsW < 30 {
		return append(append(lines, table...), s.barLines(w)...)
	}
	return append(lines, common.JoinColumns([][]string{table, s.barLines(barsW)}, []int{tableW, barsW}, 3)...)
}

// barLines are the bars of recall@10 and NDCG@10, one block each.
func (s Model) barLines(w int) []string {
	if w <= 0 {
		return nil
	}
	var lines []string
	for i, title := range []string{s.T("recall@10", "召回率@10"), "NDCG@10"} {
		var bars []widget.Bar
		for _, m := range s.res.Metrics {
			at := m.AtK(10)
			v := at.Recall
			if i == 1 {
				v = at.NDCG
			}
			bars = append(bars, widget.Bar{Label: s.rankerName(m.Ranker), Value: v})
		}
		b := s.NewSignedBars()
		b.SetFormat(func(v float64) string { return fmt.Sprintf("%.3f", v) })
		b.SetBars(bars)
		b.SetSize(w, len(bars))
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, s.Styles.Title.Render(title))
		lines = append(lines, strings.Split(b.View(), "\n")...)
	}
	return lines
}

// customerLines are the customer list (when wide) and the selected
// customer's items.
func (s *Model) customerLines(w, h int) []string {
	res := s.res
	if len(res.Customers) == 0 {
		return []string{s.Styles.Muted.Render(s.T("No customer has history before the cutoff.", "截止日之前没有有历史的客户。"))}
	}
	if w < listMinW {
		return s.itemLines(w, true)
	}
	rows := max(h-1, 1)
	list := []string{s.Styles.Header.Render(common.Pad(s.Tf("customers (%s)", "客户（%s）", common.Thousands(len(res.Customers))), listW))}
	if res.Evaluated {
		// The count of items each bought in the horizon, headed in words:
		// a ✓ before it read as that many hits (the items pane's ✓ marks
		// an item offered and bought).
		list = append(list, s.Styles.Muted.Render(common.PadLeft(s.T("items bought", "观察期内购买件数"), listW-1)+" "))
		rows = max(h-2, 1)
	}
	s.listTop = min(max(s.listTop, s.selected-rows+1), s.selected)
	for i := s.listTop; i < min(s.listTop+rows, len(res.Customers)); i++ {
		c := res.Customers[i]
		mark := ""
		if c.Buyer {
			mark = common.Thousands(c.Bought)
		}
		line := common.Pad(common.TruncateCell(c.ID, listW-7), listW-6) + common.PadLeft(mark, 5)
		if i == s.selected {
			line = s.Styles.Selected.Render(common.Pad(line, listW))
		}
		list = append(list, line)
	}
	return common.BesideRule(list, s.itemLines(w-listW-3, false), listW, h, s.Styles)
}

// itemLines are the selected customer's top items; alone says the list is
// not shown, so the title says where the customer is in it.
func (s Model) itemLines(w int, alone bool) []string {
	st, res := s.Styles, s.res
	c := res.Customers[s.selected]
	// The parts wrap between them: the sentence about the horizon is
	// never cut.
	parts := []string{st.Title.Render(s.T("Customer ", "客户 ") + c.ID)}
	if alone {
		parts = append(parts, st.Muted.Render(s.Tf("%s of %s (↑/↓)", "第 %s 位，共 %s 位（↑/↓）", common.Thousands(s.selected+1), common.Thousands(len(res.Customers)))))
	}
	switch {
	case !res.Evaluated:
	case c.Buyer:
		parts = append(parts, st.Muted.Render(s.Tf("bought %d items in the horizon; ✓ marks those offered", "观察期内买了 %d 件商品；✓ 为推荐中的", c.Bought)))
	default:
		parts = append(parts, st.Muted.Render(s.T("bought nothing in the horizon", "观察期内没有购买")))
	}
	lines := common.PackStyled(parts, st.Muted.Render(" · "), w, st.Muted)
	// The columns' widths follow the screen's width and the whole result,
	// not the customer's items: they stay put while ↑/↓ moves from
	// customer to customer.
	cols := s.cols
	if cols.item == 0 {
		cols = s.columnWidths(res)
	}
	markW := 0
	if res.Evaluated {
		markW = 2
	}
	// The description takes its room first, then the reason, worded
	// shorter when the full one does not fit; only then does the
	// description give way, down to 12 cells.
	room := max(w-3-markW-cols.item-2-2, 0)
	descW := min(cols.desc, maxDescW)
	reason := s.ReasonText
	if room-descW < cols.reason {
		reason = s.ReasonShort
		descW = min(descW, max(room-cols.short, 12))
	}
	reasonW := max(room-descW, 0)
	for i, it := range c.Items {
		mark := ""
		if res.Evaluated {
			mark = "  "
			if it.Bought {
				mark = st.Good.Render("✓") + " "
			}
		}
		// An ID longer than the column (a rare "BANK CHARGES" among
		// codes of 5 or 6) is shown whole: its description gives way on
		// its row only, and the reasons stay in their column.
		id := it.ItemID
		idW := min(max(lipgloss.Width(id), cols.item), cols.item+descW)
		rowDescW := cols.item + descW - idW // the description's room on this row
		line := fmt.Sprintf("%2d ", i+1) + mark + common.Pad(id, idW) + "  " +
			common.Pad(common.TruncateCell(it.Description, rowDescW), rowDescW) + "  "
		line += st.Muted.Render(common.Truncate(reason(it.Reason), reasonW))
		lines = append(lines, common.Truncate(line, w))
	}
	return lines
}

// columns are the widths of the customer view's columns over a whole
// result.
type columns struct {
	item   int // the item ID column: the IDs of 99 % of the items fit, at least 4 cells
	desc   int // the longest description
	reason int // the longest reason in full (common.Common.ReasonText)
	short  int // the longest reason worded short (common.Common.ReasonShort)
}

// idShare is the share of the items offered whose IDs fit the item
// column: the odd longer ID does not push every description right.
const idShare = 0.99

// columnWidths are the column widths for res.
func (s Model) columnWidths(res *recommend.Result) columns {
	var cols columns
	var ids []int
	for _, c := range res.Customers {
		for _, it := range c.Items {
			ids = append(ids, lipgloss.Width(it.ItemID))
			cols.desc = max(cols.desc, lipgloss.Width(it.Description))
			cols.reason = max(cols.reason, lipgloss.Width(s.ReasonText(it.Reason)))
			cols.short = max(cols.short, lipgloss.Width(s.ReasonShort(it.Reason)))
		}
	}
	cols.item = 4
	if len(ids) > 0 {
		slices.Sort(ids)
		cols.item = max(cols.item, ids[int(math.Ceil(idShare*float64(len(ids))))-1])
	}
	return cols
}

// checkLines say whose lists are shown and why: the held-out check of the
// network against GP-TopFreq (recommend.Check).
func (s Model) checkLines(w int) []string {
	c := s.res.Check
	var text string
	switch {
	case s.res.Untrained != "":
		// The only cause recommend.Prepare trains no network for.
		text = s.T("Lists: GP-TopFreq's, each customer's own items, then the popular ones. No network was trained: every customer of this log has one order, so nobody bought again after some history, which is what it learns from. Is the customer column a per-order key? (l on the Data screen chooses another)",
			"推荐列表采用 GP-TopFreq：先列客户自己买过的商品，再列热门商品。未训练模型：此日志中每位客户都只有一笔订单，没有人在已有记录之后再次购买，而模型正是从这类购买中学习。客户列是否是订单编号？（可在数据页按 l 换一列）")
	case c.UseModel:
		text = s.Tf("Lists: the model's. On %s customers held out of training it beat GP-TopFreq (NDCG@10 %.3f vs %.3f, z %+.2f).",
			"推荐列表采用模型：在 %s 位未参与训练的客户上，它胜过 GP-TopFreq（NDCG@10 %.3f 对 %.3f，z %+.2f）。",
			common.Thousands(c.Customers), c.Model, c.Baseline, c.Z)
	default:
		text = s.Tf("Lists: GP-TopFreq's. On %s customers held out of training the model was not clearly ahead (NDCG@10 %.3f vs %.3f, z %+.2f; it needs z ≥ %.0f with at least %d customers differing, and %s did).",
			"推荐列表采用 GP-TopFreq：在 %s 位未参与训练的客户上，模型没有明显领先（NDCG@10 %.3f 对 %.3f，z %+.2f；需要 z ≥ %.0f 且至少 %d 位客户结果不同，此处 %s 位）。",
			common.Thousands(c.Customers), c.Model, c.Baseline, c.Z, recommend.CheckZ, recommend.CheckDiffering, common.Thousands(c.Differing))
	}
	if pop, gp, ok := s.res.TopPopAhead(); ok {
		text += s.Tf(" TopPop measures better on this horizon (recall@10 %.3f vs %.3f); the fallback is always GP-TopFreq, so the most popular items may serve customers better here.",
			"在本观察期上 TopPop 表现更好（召回率@10 %.3f 对 %.3f）；后备方案始终是 GP-TopFreq，因此这里热门商品可能更适合客户。",
			pop.Recall, gp.Recall)
	}
	return s.wrapMuted(text, w)
}

// wrapMuted wraps text to the width, muted.
func (s Model) wrapMuted(text string, w int) []string {
	var lines []string
	for _, l := range widget.WrapUnmarked(text, max(w, 1)) {
		lines = append(lines, s.Styles.Muted.Render(l))
	}
	return lines
}
