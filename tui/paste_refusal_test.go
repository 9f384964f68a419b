package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// refusalCase is a field given a bad value as long as a field holds:
// lines are the refusal's lines on an 80×24 screen, then the
// line that follows it, which the refusal must not push down.
type refusalCase struct {
	name  string
	keys  []string
	value string
	lines []string
}

// TestLongRefusedValueIsQuotedShort: a refusal quoted the field's whole
// value, so a 4,096-character paste took the screen (the Recommend and
// Tune refusals, the Users what-if and export errors, the Plan settings)
// or ran for 50 lines inside the error panel (a path on the Data screen).
// Each now quotes a long value by its first 30 cells, "…" and its last 9
// (common.Short), and what followed the refusal stays under it, in both
// languages (a Chinese character is two cells: 15, "…", 4). The
// Recommend screen names at most 80 cells of ids left out, then how many
// more.
func TestLongRefusedValueIsQuotedShort(t *testing.T) {
	n := common.FieldCharLimit
	bad := strings.Repeat("x", n)
	path := "/nonexistent/" + strings.Repeat("p", n-len("/nonexistent/"))
	// Their quotes, by hand: 30 cells, "…", 9 cells.
	x := strings.Repeat("x", 30) + "…" + strings.Repeat("x", 9)
	p := "/nonexistent/" + strings.Repeat("p", 17) + "…" + strings.Repeat("p", 9)
	ids := make([]string, 682)
	for i := range ids {
		ids[i] = fmt.Sprintf("n%03d", i)
	}
	manyIDs := strings.Join(ids, ", ")
	plan := strings.Repeat(" ", 34) // the Plan screen's refusals hang under the values
	panelEnd := "╰" + strings.Repeat("─", 76) + "╯"
	en := []refusalCase{
		{"data open table", []string{"1", "o"}, path, []string{
			"│ Error  open " + p + ": file name too long   │",
			"│ The previous data and settings are unchanged. esc dismisses this message.  │",
			panelEnd}},
		{"data open log", []string{"1", "g"}, path, []string{
			"│ Error  open " + p + ": file name too long   │",
			"│ The previous data and settings are unchanged. esc dismisses this message.  │",
			panelEnd}},
		{"users search", []string{"5", "/"}, bad, []string{
			"no shown user's id is or starts with " + x,
			"      # CustomerID           P(yes) actual band     ✓ part"}},
		// The item log's 30 customers at 2024-06-08 hold 4 who do not
		// order again, too few to train out of time on
		// (experiment.MinTrainClass): the run is split at random, and the
		// first user shown is c23, of its training part.
		{"users what-if value", []string{"5", "w", "enter"}, bad, []string{
			`✗ recency_days needs a number, got "` + x + `"`,
			"User c23 · row 13 · train part"}},
		{"users export path", []string{"5", "x"}, path, []string{
			"✗ export failed: writing " + p + ": lstat",
			"  " + p + ": file name too long",
			"      # CustomerID           P(yes) actual band     ✓ part"}},
		{"plan budget", []string{"0", "b"}, bad, []string{
			plan + "invalid plan: budget",
			plan + x + ": want",
			plan + "an amount above 0, such as 5000, or a share of",
			plan + "customers above 0 and at most 100%, such as",
			plan + "10%",
			"c cost per contact                1"}},
		{"plan cost", []string{"0", "c"}, bad, []string{
			plan + "invalid plan: cost per contact",
			plan + x + ": want",
			plan + "an amount ≥ 0, such as 2.5",
			"v value per customer              100"}},
		{"plan value", []string{"0", "v"}, bad, []string{
			plan + "invalid plan: value",
			plan + x + ": not",
			plan + "an amount, nor a numeric column (numeric",
			plan + "columns: recency_days, frequency,",
			plan + "monetary_total, monetary_avg, tenure_days,",
			plan + "orders_30d, orders_90d, interval_mean_days,",
			plan + "interval_std_days, distinct_items,",
			plan + "basket_size_avg, spend_trend)",
			"s success rate (your assumption)  0.1"}},
		{"plan success rate", []string{"0", "s"}, bad, []string{
			plan + "invalid plan: success rate",
			plan + x + ": want",
			plan + "a share above 0 and at most 1, such as 0.2",
			"l levers                          none: mark what the platform can influence"}},
		{"plan export path", []string{"0", "x"}, path, []string{
			"✗ export failed: writing " + p + ": lstat",
			"  " + p + ": file name too long",
			"b budget • c cost • v value • s success rate • l levers …        ? keys • q quit"}},
		{"recommend cutoff", []string{"R", "c"}, bad, []string{
			`refused: "` + x + `" is not a date as YYYY-MM-DD`,
			"",
			"space trains the recommender: a network over (customer, item) pairs"}},
		{"recommend horizon", []string{"R", "h"}, bad, []string{
			`refused: "` + x + `" is not a horizon: give days`,
			"as 30, 30d or 4w (1 to 3,650 days)",
			""}},
		{"recommend items left out", []string{"R", "i"}, bad, []string{
			"without " + x + " (i; no item",
			x + ")",
			"evaluates the model and the baselines on it"}},
		// 682 ids of 4 cells fill the field; 13 of them, with ", " between,
		// are 76 cells of the 80 the line names (14 would be 82).
		{"recommend many items left out", []string{"R", "i"}, manyIDs, []string{
			"without n000, n001, n002, n003, n004, n005, n006, n007, n008, n009, n010, n011,",
			"n012 and 669 more (i; no item n000, n001, n002, n003, n004, n005, n006, n007,",
			"n008, n009, n010, n011, n012 and 669 more)",
			"evaluates the model and the baselines on it"}},
		{"tune budget", []string{"T", "b"}, bad, []string{
			`✗ "` + x + `" is not a duration: give one from 5s`,
			"  to 24h, such as 90s or 2m",
			"Press s to search around the Model screen's configuration."}},
	}
	checkRefusals(t, "en", en)

	badZh := strings.Repeat("时", n)
	pathZh := "/不存在/" + strings.Repeat("文", n-len([]rune("/不存在/")))
	xz := strings.Repeat("时", 15) + "…" + strings.Repeat("时", 4)
	pz := "/不存在/" + strings.Repeat("文", 11) + "…" + strings.Repeat("文", 4)
	zh := []refusalCase{
		{"data open table", []string{"1", "o"}, pathZh, []string{
			"│ 错误  open " + pz + ": file name too long     │",
			"│ 之前的数据和设置没有改变。按 esc 关闭此消息。                              │",
			panelEnd}},
		{"users search", []string{"5", "/"}, badZh, []string{
			"没有显示中的用户 id 等于或以 " + xz + " 开头",
			"      # CustomerID           P(yes) 实际   档位     ✓ 部分"}},
		{"users what-if value", []string{"5", "w", "enter"}, badZh, []string{
			"✗ recency_days 需要一个数字，输入的是“" + xz + "”",
			"用户 c23 · 第 13 行 · 训练部分"}},
		{"plan cost", []string{"0", "c"}, badZh, []string{
			strings.Repeat(" ", 22) + "计划输入无效：单次联系成本 " + strings.Repeat("时", 15) + "…",
			strings.Repeat(" ", 22) + "时时时时：请输入不小于 0 的金额，如 2.5",
			"v 每位客户价值        100"}},
		{"recommend items left out", []string{"R", "i"}, badZh, []string{
			"排除 " + xz + "（i；无此商品：" + strings.Repeat("时", 10),
			strings.Repeat("时", 5) + "…时时时时）· 在其上评估模型和基准"}},
		{"tune budget", []string{"T", "b"}, badZh, []string{
			"✗ “" + xz + "”不是时长：请输入 5秒 到 24小时 之间的",
			"  时长，例如 90秒 或 2分钟",
			"按 s 以模型页的配置为起点开始搜索。"}},
	}
	checkRefusals(t, "zh", zh)
}

// checkRefusals enters each case's value in its field at 80×24 in lang and
// finds its lines, one under the other.
func checkRefusals(t *testing.T, lang string, cases []refusalCase) {
	t.Helper()
	base := pasteFixtureIn(t, false, lang)
	base, _ = update(t, base, tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, c := range cases {
		t.Run(lang+" "+c.name, func(t *testing.T) {
			m := paste(t, clearField(t, drive(t, base, c.keys...)), c.value)
			view := screen(drive(t, m, "enter"))
			checkFrame(t, view, 80, 24)
			if !hasLines(view, c.lines) {
				t.Errorf("no lines\n%s\nin\n%s", strings.Join(c.lines, "\n"), view)
			}
		})
	}
}

// hasLines reports whether view has the lines want one under the other
// (trailing blanks aside).
func hasLines(view string, want []string) bool {
	lines := strings.Split(view, "\n")
	for i := range lines {
		if i+len(want) > len(lines) {
			return false
		}
		match := true
		for k, w := range want {
			if strings.TrimRight(lines[i+k], " ") != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
