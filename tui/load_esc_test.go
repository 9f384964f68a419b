package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestEscCancelsALoad: esc did nothing during a load and no key said how
// to leave one that hung (a FIFO no one writes to, a slow mount), short of
// starting another (review34 #2). From the moment it starts, the status
// line and the footer now say esc cancels it; esc does, at once, keeping
// the data loaded before and saying so. Released, the cancelled load reads
// no more of its file, and its result is dropped.
func TestEscCancelsALoad(t *testing.T) {
	h := newHeldFile()
	m := loadedModel(t, heldOptions(h), 100, 30)
	before, seed := m.data, m.modelScr.Config().Seed
	m, first := startHeld(t, m, h)
	view := screen(m)
	screentest.MustContain(t, view, "loading held.csv… (esc cancels)", "esc cancel load")
	m = sendKeys(t, m, "esc")
	if m.loading != "" || m.data != before || m.err != nil || m.modelScr.Config().Seed != seed {
		t.Fatalf("after esc: loading %q, data changed %v, error %v", m.loading, m.data != before, m.err)
	}
	view = screen(m)
	screentest.MustContain(t, view, "Load cancelled; the data loaded before stay in use.")
	if strings.Contains(view, "esc cancel") {
		t.Errorf("esc still offered to cancel a load after it was cancelled:\n%s", view)
	}
	close(h.release)
	msg := <-first
	if lm, ok := msg.(loadedMsg); !ok || !errors.Is(lm.err, contextCanceled) {
		t.Fatalf("the cancelled load sent %T, want its context cancelled", msg)
	}
	if n := h.readCount(); n != 1 {
		t.Errorf("the cancelled load read its file %d times, want 1 (none after esc)", n)
	}
	m, _ = update(t, m, msg)
	if m.data != before || m.err != nil {
		t.Errorf("the cancelled load's result was installed (data changed %v, error %v)", m.data != before, m.err)
	}
}

// TestEscCancelsTheFirstLoad: a load at startup cancelled leaves no data,
// and the Data screen says why and what to do, in English and Chinese.
func TestEscCancelsTheFirstLoad(t *testing.T) {
	for _, c := range []struct{ lang, notice, why string }{
		{"en", "Load cancelled; no data is loaded.", "the load was cancelled (esc)"},
		{"zh", "已取消加载；尚未加载任何数据。", "the load was cancelled (esc)"},
	} {
		h := newHeldFile()
		opts := heldOptions(h)
		opts.Source, opts.Lang = experiment.Source{Kind: "csv", Path: "held.csv"}, c.lang
		m := NewModel(opts)
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
		out := make(chan tea.Msg, 1)
		cmd := m.Init()
		go func() { out <- cmd() }()
		<-h.started
		m = sendKeys(t, m, "esc")
		close(h.release)
		m, _ = update(t, m, <-out)
		if m.data != nil || m.loading != "" || !errors.Is(m.noData, errLoadCancelled) {
			t.Fatalf("%s: data %v loading %q noData %v", c.lang, m.data != nil, m.loading, m.noData)
		}
		view := strings.Join(strings.Fields(screen(m)), " ")
		screentest.MustContain(t, view, c.notice, c.why)
	}
}

// TestEscCancelsAResplit: a re-split in progress (a new seed typed on the
// Data screen) could not be stopped either. esc cancels it: the data stay
// split as they were, and the Model screen's seed is theirs again, as the
// status line says.
func TestEscCancelsAResplit(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	before, seed := m.data, m.prep.Config.Seed
	m, cmd := update(t, m, datascreen.ResplitMsg{Seed: seed + 4})
	if m.loading == "" || m.modelScr.Config().Seed != seed+4 {
		t.Fatalf("the re-split did not start: loading %q seed %d", m.loading, m.modelScr.Config().Seed)
	}
	m = sendKeys(t, m, "esc")
	if got := m.modelScr.Config().Seed; got != seed || m.loading != "" {
		t.Fatalf("after esc: seed %d, want the data's %d back; loading %q", got, seed, m.loading)
	}
	screentest.MustContain(t, screen(m), "Re-split with seed "+itoa(int(seed)+4)+" cancelled; the data stay split with seed "+itoa(int(seed)))
	m, _ = update(t, m, cmd()) // its context was cancelled: dropped
	if m.data != before || m.prep.Config.Seed != seed || m.err != nil {
		t.Errorf("the cancelled re-split was installed (seed %d, error %v)", m.prep.Config.Seed, m.err)
	}
}

// TestResplitAbandonedForAFailedLoadSaysSo: a re-split in progress was
// dropped without a word when another load started, and when that load
// failed its error panel said "the previous data and settings are
// unchanged" while the Model screen had kept the seed asked for, not the
// data's (review34 #4). The panel now says the re-split was abandoned,
// and the seed is the data's again. A load that succeeds is split with
// the seed asked for, and nothing is said.
func TestResplitAbandonedForAFailedLoadSaysSo(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 200, 60)
	before, seed := m.data, m.prep.Config.Seed
	m, resplit := update(t, m, datascreen.ResplitMsg{Seed: seed + 4})
	m, load := update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "testdata/missing.csv"}})
	m, _ = update(t, m, resplit()) // superseded: dropped
	m, _ = update(t, m, load())
	if m.err == nil || m.data != before {
		t.Fatalf("the missing file: error %v, data changed %v", m.err, m.data != before)
	}
	if got := m.modelScr.Config().Seed; got != seed {
		t.Errorf("the Model screen's seed is %d after the failed load, want the data's %d", got, seed)
	}
	view := strings.Join(strings.Fields(screen(m)), " ")
	screentest.MustContain(t, view, "The re-split with seed "+itoa(int(seed)+4)+" was abandoned; the split settings are back to those of the data in use (seed "+itoa(int(seed))+").",
		"The previous data and settings are unchanged.")

	m = sendKeys(t, m, "esc") // dismisses the error
	m, resplit = update(t, m, datascreen.ResplitMsg{Seed: seed + 4})
	m, load = update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "textbook"}})
	m, _ = update(t, m, resplit())
	m, _ = update(t, m, load())
	if m.err != nil || m.data == before || m.prep.Config.Seed != seed+4 || m.modelScr.Config().Seed != seed+4 {
		t.Errorf("the load that succeeded: error %v, split with seed %d, Model screen's %d; want %d", m.err, m.prep.Config.Seed, m.modelScr.Config().Seed, seed+4)
	}
	if strings.Contains(screen(m), "abandoned") {
		t.Errorf("a re-split said abandoned when the new data were split as it asked:\n%s", screen(m))
	}
}
