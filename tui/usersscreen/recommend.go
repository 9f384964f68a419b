package usersscreen

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
)

// recTop is how many recommended items the detail pane lists.
const recTop = 5

// recommendations is what the detail pane shows of the Recommend screen.
type recommendations struct {
	res  *recommend.Result // the latest result for the loaded log (nil: none)
	hint bool              // the log has items but nothing was recommended yet
}

// SetRecommendations gives the detail pane the Recommend screen's result
// for the loaded log (nil for none); hint says the log has items, so a
// line points to the Recommend screen while there is no result.
func (s *Model) SetRecommendations(res *recommend.Result, hint bool) {
	if s.recs.res == res && s.recs.hint == hint {
		return
	}
	s.recs = recommendations{res: res, hint: hint}
	s.render()
}

// recLines are the selected customer's top recommended items, or the hint.
func (s Model) recLines(id string, w int) []string {
	st, res := s.Styles, s.recs.res
	if res == nil {
		if !s.recs.hint {
			return nil
		}
		return []string{"", st.Muted.Render(common.Truncate(s.T("Items to offer: train the recommender on the Recommend screen (R).",
			"推荐商品：请在“推荐”页（R）训练推荐模型。"), w))}
	}
	head := s.Tf("Top %d items to offer (cutoff %s)", "推荐的前 %d 件商品（截止日 %s）", recTop, res.Cutoff.Format(time.DateOnly))
	c := res.Customer(id)
	if c == nil {
		return []string{"", common.Truncate(st.Title.Render(head)+st.Muted.Render(s.T(": no history before the cutoff", "：截止日之前没有购买记录")), w)}
	}
	lines := []string{"", common.Truncate(st.Title.Render(head), w)}
	for i, it := range c.Items[:min(recTop, len(c.Items))] {
		mark := ""
		if it.Bought {
			mark = st.Good.Render(" ✓")
		}
		lines = append(lines, common.TruncateCell(fmt.Sprintf("%d. %s  %s", i+1, it.ItemID, it.Description)+mark, w))
	}
	return lines
}
