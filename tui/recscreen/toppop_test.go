package recscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/screentest"
)

// TestTopPopAheadSaid: on returns.csv TopPop measured better than the
// GP-TopFreq fallback (recall@10 0.245 vs 0.226) and nothing said so
// (review 14, L6); the zh line read "推荐列表：GP-TopFreq 的。".
func TestTopPopAheadSaid(t *testing.T) {
	res := &recommend.Result{Ranker: recommend.GPTopFreqName, Evaluated: true, Check: recommend.Check{Customers: 31, Model: 0.110, Baseline: 0.093, Z: 0.56, Differing: 31},
		Metrics: []recommend.Metrics{{Ranker: recommend.TopPopName, At: []recommend.AtK{{K: 10, Recall: 0.245}}},
			{Ranker: recommend.GPTopFreqName, At: []recommend.AtK{{K: 10, Recall: 0.226}}}}}
	for _, c := range []struct{ lang, want string }{
		{"en", "Lists: GP-TopFreq's. On 31 customers held out of training the model was not clearly ahead (NDCG@10 0.110 vs 0.093, z +0.56; " +
			"it needs z ≥ 2 with at least 20 customers differing, and 31 did). TopPop measures better on this horizon (recall@10 0.245 vs 0.226); " +
			"the fallback is always GP-TopFreq, so the most popular items may serve customers better here."},
		{"zh", "推荐列表采用 GP-TopFreq：在 31 位未参与训练的客户上，模型没有明显领先（NDCG@10 0.110 对 0.093，z +0.56；需要 z ≥ 2 且至少 20 位客户结果不同，此处 31 位）。" +
			"在本观察期上 TopPop 表现更好（召回率@10 0.245 对 0.226）；后备方案始终是 GP-TopFreq，因此这里热门商品可能更适合客户。"},
	} {
		s := New(screentest.Common(c.lang, 400, 40), open)
		s.res = res
		if got := ansi.Strip(strings.Join(s.checkLines(400), "")); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.lang, got, c.want)
		}
	}
}
