package tui

import (
	"os"
	"strings"
	"testing"
)

// TestServedExportPastSessionQuotaShowsInErrorPanel: an export past the
// session's bytes (retain serve --max-export-bytes) was refused in the
// Users screen's status line only, where the folder's bound
// (--max-export-dir-bytes) opens the error panel. It opens the error
// panel too, in the session's language, writes no file and leaves the
// screen as it was: esc gives it back with the short refusal as status.
func TestServedExportPastSessionQuotaShowsInErrorPanel(t *testing.T) {
	panels := map[string]string{
		"en": `╭────────────────────────────────────────────────────────────────────────────╮
│ Error  no file written: this export would take this session's exports past │
│ 2 KiB, the most the server lets one session write                          │
│ The previous data and settings are unchanged. esc dismisses this message.  │
╰────────────────────────────────────────────────────────────────────────────╯`,
		"zh": `╭────────────────────────────────────────────────────────────────────────────╮
│ 错误  未写入文件：此导出将使本会话的导出超过 2 KiB，即服务器允许一个会话写 │
│ 入的上限                                                                   │
│ 之前的数据和设置没有改变。按 esc 关闭此消息。                              │
╰────────────────────────────────────────────────────────────────────────────╯`,
	}
	statuses := map[string]string{
		"en": "✗ export stopped: past this session's export limit; no file written",
		"zh": "✗ 导出已停止：超过本会话的导出上限，未写入文件",
	}
	for lang, panel := range panels {
		dir := t.TempDir()
		opts := textbookOptions()
		opts.Lang, opts.Served, opts.ExportDir, opts.MaxExportBytes = lang, true, dir, 2048
		m := pressAll(t, analysedModel(t, opts, 80, 24, 2), "5", "down", "down")
		before := strings.Split(screen(m), "\n")
		m = pressAll(t, m, "x")
		if got := screen(m); !strings.Contains(trimLines(got), panel) {
			t.Errorf("%s: want the error panel\n%s\nin\n%s", lang, panel, got)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: %d files in the export folder, want none", lang, len(entries))
		}
		after := strings.Split(screen(pressAll(t, m, "esc")), "\n")
		if len(after) != len(before) {
			t.Fatalf("%s: %d lines after esc, %d before", lang, len(after), len(before))
		}
		for i := range before {
			want := before[i]
			if i == 3 { // the status line, under the title
				want = statuses[lang]
			}
			if strings.TrimRight(after[i], " ") != strings.TrimRight(want, " ") {
				t.Errorf("%s: line %d after esc\n%q, want\n%q", lang, i, after[i], want)
			}
		}
	}
}

// trimLines is text with each line's trailing spaces removed.
func trimLines(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
