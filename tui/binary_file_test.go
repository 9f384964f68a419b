package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestBinaryFileIsRefusedAsBinary: random bytes holding a quoted field
// were refused in Chinese as "CSV 格式有误（unexpected '\x02' after the
// closing quote of a field）"; the error panel now says, in either
// language, that the file is binary, and the data loaded before stay.
func TestBinaryFileIsRefusedAsBinary(t *testing.T) {
	junk := []byte("\x9c,\"\xa7\x11\"\x02")
	for i := range 600 {
		junk = append(junk, byte(i*73+i/7)) // every byte value, control bytes among them
	}
	for _, c := range []struct {
		lang  string
		lines []string
	}{
		// 512: the bytes the readers look at first.
		{"en", []string{
			"│ Error  binary.csv: the file is binary, not CSV text (NUL and other control │",
			"│ bytes in its first 512 bytes)                                              │",
			"│ The previous data and settings are unchanged. esc dismisses this message.  │"}},
		{"zh", []string{
			"│ 错误  binary.csv：文件是二进制的，不是 CSV 文本（前 512 个字节中有 NUL 等  │",
			"│ 控制字节）                                                                 │",
			"│ 之前的数据和设置没有改变。按 esc 关闭此消息。                              │"}},
	} {
		opts := textbookOptions()
		opts.Lang = c.lang
		opts.Open = func(p string) (io.ReadCloser, error) {
			if p == "binary.csv" {
				return io.NopCloser(strings.NewReader(string(junk))), nil
			}
			return screentest.Open(p)
		}
		m := loadedModel(t, opts, 80, 24)
		before := m.data
		m = settle(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "binary.csv"}})
		if m.data != before {
			t.Errorf("%s: the binary file replaced the data loaded before", c.lang)
		}
		screentest.MustContain(t, screen(m), c.lines...)
	}
}
