package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// reprepare splits the loaded data again with the current configuration.
func (m *Model) reprepare() tea.Cmd {
	if m.data == nil {
		return nil
	}
	m.gen++
	src := m.data.Source
	m.setLoading(func(c common.Common) string {
		return c.Tf("splitting %s…", "正在划分 %s…", c.DescribeSource(src))
	})
	if m.resplit == nil && m.prep != nil {
		m.resplit = &resplitting{from: m.prep.Config}
	}
	if m.resplit != nil {
		m.resplit.to, m.resplit.superseded = m.modelScr.Config(), false
	}
	return resplitCmd(m.loads.start(m.parent), m.gen, m.data, m.modelScr.Config())
}

// loaded installs a loaded data set, or shows why it failed while keeping
// what was there before. It reports whether it installed a table without
// a label (loadedBare).
func (m *Model) loaded(msg loadedMsg) bool {
	if msg.gen != m.gen {
		return false
	}
	m.setLoading(nil)
	if m.askLabel(msg) || m.askLogColumns(msg) {
		// The question is about this file: an error panel left by the one
		// before would name another file under it (esc on the question
		// shows this file's own error).
		m.err = nil
		m.switchTo(tabData)
		return false
	}
	if msg.err != nil {
		m.err = m.resplitFailed(msg.err)
		if m.data == nil && m.bare == nil {
			m.setNoData(msg.err)
		}
		m.settleAside()
		m.layout()
		return false
	}
	m.resplit = nil // the data loaded are split with the settings asked for
	if msg.bare {
		m.loadedBare(msg)
		return true
	}
	m.err, m.bare = nil, nil
	if m.data == nil {
		m.setNoData(nil)
	}
	m.data, m.prep = msg.data, msg.prep
	m.settleAside()
	if m.analysed.Exp != nil && !m.onLoadedData(m.analysed) {
		m.resetAnalysis()
	}
	m.dataScr.SetData(msg.data, msg.info)
	shape := experiment.Shape{Inputs: msg.info.Inputs, TrainRows: msg.info.Train}
	m.modelScr.SetShape(shape)
	m.trainScr.SetShape(shape)
	m.tuneScr.SetShape(shape)
	m.layout()
	return false
}

// inputs are what the Train, Tune and Anomalies screens plan with: the
// loaded data, the session's limits and the Model screen's configuration,
// which its ConfigVersion stands for.
type inputs struct {
	data    *experiment.Data
	limits  experiment.Limits
	version uint64
	given   bool // false until first given
}

// pushInputs gives the Train, Tune and Anomalies screens the inputs that
// changed since it last gave them theirs. Update calls it after every
// message (NewModel once), so whatever changed them (a key on the Model
// screen, a tuned configuration applied, a reshuffle, a load) they are
// given them once, and never for a key that changed nothing.
//
// The Train screen is given them at once: its idle view plans the epochs.
// So is the Anomalies screen, which draws the data and retrains with the
// configuration. The Tune screen is given them only while shown and no
// search runs: a running search keeps its base, and the next one starts
// from the configuration of the moment it is shown or its search ended.
func (m *Model) pushInputs() {
	now := inputs{data: m.data, limits: m.opts.Limits, version: m.modelScr.ConfigVersion(), given: true}
	if m.trainGot != now {
		m.trainScr.SetInputs(m.data, m.modelScr.Config(), m.opts.Limits)
		m.trainGot = now
	}
	if anom := (inputs{data: m.shown(), limits: now.limits, version: now.version, given: true}); m.anomGot != anom {
		m.anomScr.SetInputs(m.shown(), m.modelScr.Config())
		m.anomGot = anom
	}
	if m.tuneGot != now && m.active == tabTune && !m.tuneScr.Running() {
		m.tuneScr.SetInputs(m.data, m.modelScr.Config())
		m.tuneGot = now
	}
}

// setNoData tells the screens that need data why none is loaded: loading
// failed with err, or (nil) data is loading or has loaded.
func (m *Model) setNoData(err error) {
	m.noData = err
	reason := ""
	if err != nil {
		reason = m.errorText(err)
	}
	m.dataScr.SetLoadFailed(reason)
	m.trainScr.SetNoData(err != nil)
	m.modelScr.SetNoData(err != nil)
}

// errorText is err as the error panel and the Data screen say it, the
// path typed on the Data screen quoted short if long.
func (m *Model) errorText(err error) string {
	return common.ShortPathIn(strings.TrimSpace(m.com.ErrorText(err)), m.asked)
}
