package widget

import "testing"

// TestTruncateEndsAtAWord: a title or note cut inside a word ("labels
// from t…", review22 finding 16) ends at the space before it, the
// ellipsis standing for the words left out; styling is kept. A number
// goes with the word cut after it, and a key hint after " · " is left out
// whole. A single word wider than half the cells is still cut inside, as
// is Chinese text between characters; a number is never cut
// (TestTruncateNeverCutsANumber).
func TestTruncateEndsAtAWord(t *testing.T) {
	cases := []struct {
		s    string
		w    int
		want string
	}{
		// The Users title at 80x24 on CDNOW: "labels from t…" before.
		{"5,000 of 23,570 customers at 1998-05-31, labels from the 30 days after", 55,
			"5,000 of 23,570 customers at 1998-05-31, labels from …"},
		{"\x1b[2mcustomers at 1998-05-31, labels from the\x1b[0m", 28, "\x1b[2mcustomers at 1998-05-31, …\x1b[0m"},
		{"Bank transfer (automatic)", 16, "Bank transfer …"},
		{"what-if: recency_days", 12, "what-if: …"},
		// A number goes with the word cut after it, its unit or its name.
		{"customers at 2024-02-20, labels from the 10 days after", 48, "customers at 2024-02-20, labels from the …"},
		{"strongest weights: 2 ← +1.18 coupon_share, −0.68 returns_90d, +0.58 pages_per_session", 80,
			"strongest weights: 2 ← +1.18 coupon_share, −0.68 returns_90d, …"},
		// A key hint (an item after " · " or " • ") is left out whole.
		{"lines 11–20 of 40 · pgup/pgdn scroll", 30, "lines 11–20 of 40 · …"},
		{"? / esc close help • ↑/↓ scroll the help", 30, "? / esc close help • …"},
		{"\x1b[2mlines 11–20 of 40\x1b[0m · \x1b[1mpgup/pgdn\x1b[0m scroll", 30, "\x1b[2mlines 11–20 of 40\x1b[0m · \x1b[1m…\x1b[0m"},
		{"计划：促成 purchases_next_30d = yes（p）· 分档：前 5/10/20/50 %、其余（B）· ✓ 按 0.50 判对错", 80,
			"计划：促成 purchases_next_30d = yes（p）· 分档：前 5/10/20/50 %、其余（B）· …"},
		// An opening bracket never ends the text kept.
		{"先取 log(1+v)，再标准化（对数尺度下均值 1.2）", 26, "先取 log(1+v)，再标准化…"},
		{"one-hot encoded into 1 column (basic)", 31, "one-hot encoded into 1 column …"},
		// One word, or a boundary that would leave under half the cells:
		// cut inside, as before.
		{"interval_mean_days", 10, "interval_…"},
		{"a verylongwordindeed", 12, "a verylongw…"},
		// Chinese: between characters; a Latin word after CJK text starts
		// where the CJK text ends.
		{"标签取其后 30 天的购买记录", 12, "标签取其后 …"},
		{"按预测概率排序", 9, "按预测概…"},
		{"按概率排序Churn", 13, "按概率排序…"},
		// A cut at a word's end or at a space is as before.
		{"labels from the day after", 16, "labels from the…"},
		{"labels from the day after", 13, "labels from …"},
	}
	for _, c := range cases {
		if got := Truncate(c.s, c.w); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}
