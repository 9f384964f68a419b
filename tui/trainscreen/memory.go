package trainscreen

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// SetAnalysed tells the screen which ended run the analysis screens show
// (0: none): the one run never forgotten to make room.
func (s *Model) SetAnalysed(number int) { s.analysed = number }

// ForgotMsg says which ended runs were forgotten to keep a session's runs
// within its memory limit; the root shows it until the next key.
type ForgotMsg struct{ text string }

// Notice is the sentence to show, in the session's language.
func (m ForgotMsg) Notice() string { return m.text }

// forgetToFit forgets the oldest ended runs, never the analysed one, until
// the runs kept and a new run needing need bytes fit in the session's
// memory limit: every ended run keeps its network and workspaces, so
// without this a session could fill the server's memory one small run at a
// time. It returns the notice to show, nil when no run was forgotten.
func (s *Model) forgetToFit(need float64) tea.Cmd {
	budget := float64(s.limits.MaxTrainMemory)
	held := make([]float64, len(s.finished))
	keep := -1
	for i, r := range s.finished {
		held[i] = r.Exp.HeldMemory()
		if r.Number == s.analysed {
			keep = i
		}
	}
	drop := experiment.RunsToForget(held, keep, need, budget)
	if len(drop) == 0 {
		return nil
	}
	var kept []common.Run
	var forgot []string
	for i, r := range s.finished {
		if len(drop) > 0 && drop[0] == i {
			drop = drop[1:]
			forgot = append(forgot, strconv.Itoa(r.Number))
			continue
		}
		kept = append(kept, r)
	}
	// A new slice: the Runs screen may still hold the old one.
	s.finished = kept
	limit := data.Bytes(budget)
	noun := "runs"
	if len(forgot) == 1 {
		noun = "run"
	}
	// Chinese has no plural: its format leaves the noun (argument 1) out.
	text := s.Tf("forgot %s %s to keep this session within its memory limit (%s)",
		"为使本会话不超出内存上限（%[3]s），已移除运行 %[2]s", noun, strings.Join(forgot, s.T(", ", "、")), limit)
	return func() tea.Msg { return ForgotMsg{text: text} }
}
