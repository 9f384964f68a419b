package planscreen

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/widget"
)

// The suggestions for the platform (平台优化建议), the last step of the
// article's pipeline, are `retain plan`'s: experiment.PlatformSuggestions
// draws them from the plan shown, with their figures, and the screen only
// words them: in English its Text, as the report prints it; in Chinese
// from the same figures, formatted as the English is. They have a section
// of the page, after the segments as in the report, and the key a scrolls
// the page to it.

// suggestionLines are the section of the suggestions for the platform:
// its title, what they are, then each suggestion as an item, its further
// lines indented; a single sentence when there is none to make.
func (s Model) suggestionLines() []string {
	st, w := s.Styles, s.Width
	var out []string
	if len(s.suggestions) == 0 {
		none := s.T("Suggestions for the platform: none from this plan — it measured no drivers, its best plan is no campaign, and no column has many customers (more than one in ten, at least 20) beyond the model's training range.",
			"平台优化建议：本计划没有可提的建议——没有测得驱动因素，最佳计划不构成一次活动，且没有哪一列有许多客户（超过十分之一且至少 20 位）超出模型的训练范围。")
		for _, l := range widget.WrapUnmarked(none, w) {
			out = append(out, st.Muted.Render(l))
		}
		return out
	}
	for _, l := range widget.WrapUnmarked(s.T("Suggestions for the platform", "平台优化建议"), w) {
		out = append(out, st.Title.Render(l))
	}
	note := s.T("Drawn from this plan's own figures, each named; what the model associates, not tested effects.",
		"取自本计划自己的数字，逐条注明；这是模型给出的关联，不是实测的效果。")
	for _, l := range widget.WrapUnmarked(note, w) {
		out = append(out, st.Muted.Render(l))
	}
	for _, p := range s.suggestions {
		for i, l := range widget.WrapUnmarked(s.suggestionText(p), max(w-hangIndent, 10)) {
			lead := "• "
			if i > 0 {
				lead = strings.Repeat(" ", hangIndent)
			}
			out = append(out, lead+l)
		}
	}
	return out
}

// suggestionText says one suggestion in the screen's language: in English
// as `retain plan` prints it, in Chinese from its figures, each written
// as the English writes it.
func (s Model) suggestionText(p experiment.PlatformSuggestion) string {
	if !s.Zh() {
		return p.Text
	}
	var parts []string
	switch p.Topic {
	case experiment.TopicDrivers:
		for _, d := range p.Drivers {
			way := "提高"
			if !d.Raises {
				way = "降低"
			}
			parts = append(parts, fmt.Sprintf("%s（平均每位客户使 P 变动 %.3f；平均使其%s %.3f）", d.Column, d.Size, way, d.By))
		}
		return fmt.Sprintf("模型对 P(%s) 的判断最依赖 %s：这是这些客户的平均积分梯度归因，以训练集的平均客户为基准。"+
			"请先看平台有哪些做法与这些因素相关；它们是模型给出的关联，不是实测的效果，而客户自己选择的行为（下单、访问）不是可以直接调节的设置。",
			p.Outcome, strings.Join(parts, "、"))
	case experiment.TopicBudget:
		for _, g := range p.Shares {
			parts = append(parts, fmt.Sprintf("%s占 %s（该分群的 %s）", s.segmentName(g.Segment), experiment.Percent(g.OfContacts),
				experiment.Percent(g.OfSegment)))
		}
		return fmt.Sprintf("最佳计划的 %s 次联系中，%s：这是留存计划会把钱花在哪里（基于你的假设和模型的概率）。",
			data.Thousands(p.Contacts), strings.Join(parts, "、"))
	case experiment.TopicRange:
		return fmt.Sprintf("%s 位客户（占全部 %s 位的 %s）在外推警告所列的列上超出模型的训练范围，按范围的端点打分：在依据他们的分数行动之前，"+
			"请用与他们相似的数据重新训练（订单日志可用更晚的截止日期）。",
			data.Thousands(p.Beyond), data.Thousands(p.Customers), experiment.Percent(p.BeyondShare))
	}
	return p.Text
}

// scrollToSuggestions scrolls the page so that the suggestions' section
// starts under the title (or as near as the page's end allows), and keeps
// it there (atSuggestions) while the page is drawn again in the other
// language, at another size or for another plan, until the page is
// scrolled otherwise or a field is opened.
func (s *Model) scrollToSuggestions() {
	s.atSuggestions = true
	s.scroll = min(max(s.suggestAt-1, 0), s.maxScroll)
}
