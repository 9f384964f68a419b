package tui

import (
	"runtime"
	"strings"
	"testing"
	"unsafe"

	tea "charm.land/bubbletea/v2"
)

// TestLiveKeysCopyNoModel: the program runs the root model through Live,
// which updates it in place. A flood of typed characters into a full
// Model field (a paste without brackets) then allocates, per key, far
// less than one copy of the root model (some 200 kB), which Model's
// by-value Update puts on the heap for every message. Live's view is
// Model's.
func TestLiveKeysCopyNoModel(t *testing.T) {
	m := loadedModel(t, builtinOptions(), 80, 24)
	for _, k := range append(presses("2", "enter"), presses(strings.Split(strings.Repeat("9", 40), "")...)...) {
		var cmd tea.Cmd
		m, cmd = update(t, m, k)
		m = runCmds(t, m, cmd)
	}
	live := m.Live()
	var key tea.Msg = presses("9")[0]
	const keys = 200
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range keys {
		live.Update(key)
		_ = live.View()
	}
	runtime.ReadMemStats(&after)
	size := unsafe.Sizeof(Model{})
	if perKey := (after.TotalAlloc - before.TotalAlloc) / keys; perKey >= uint64(size)/4 {
		t.Errorf("a key allocates %d bytes through Live, a quarter of the root model (%d bytes) or more", perKey, size)
	}
	want, _ := m.Update(key)
	if got, exp := live.View().Content, want.View().Content; got != exp {
		t.Errorf("Live's view differs from Model's:\n%s\nwant\n%s", got, exp)
	}
}
