package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/modelscreen"
)

// open loads src (columns: the label question's, so that a refusal asks
// again), keeping what is loaded until it has loaded.
func (m *Model) open(asked experiment.Source, columns []string) tea.Cmd {
	src, err := m.servedSource(m.startShop(asked))
	if err != nil {
		m.err = err
		m.layout()
		return nil
	}
	m.gen++
	m.supersedeResplit()
	m.setLoading(func(c common.Common) string {
		return c.Tf("loading %s…", "正在加载 %s…", c.DescribeSource(src))
	})
	if m.data == nil {
		m.setNoData(nil)
	}
	return loadCmd(m.loads.start(m.parent), m.gen, withSource(m.opts, src), m.modelScr.Config(), columns, m.send)
}

// presetData loads a preset's own data (the §4.3 case's 100 users),
// setting the data loaded now aside: the Model screen's next preset step
// or reset brings them back (restoreAside), so a preset never loses the
// user's data.
func (m *Model) presetData(msg modelscreen.PresetDataMsg) tea.Cmd {
	m.asideFor = msg.Src
	if m.data != nil && m.aside == nil && !m.presetsOwn(m.data) {
		m.aside = m.data
		m.modelScr.SetAside(m.com.SourceName(m.data.Source))
	}
	return m.open(msg.Src, nil)
}

// restoreAside prepares the data set aside again with the Model screen's
// configuration and makes them the loaded data once more.
func (m *Model) restoreAside() tea.Cmd {
	d := m.aside
	if d == nil {
		return nil
	}
	m.gen++
	m.supersedeResplit()
	m.setLoading(func(c common.Common) string {
		return c.Tf("loading %s again…", "正在重新加载 %s…", c.DescribeSource(d.Source))
	})
	return resplitCmd(m.loads.start(m.parent), m.gen, d, m.modelScr.Config())
}

// presetsOwn reports whether d are the preset's own data the set-aside
// data gave way to.
func (m *Model) presetsOwn(d *experiment.Data) bool {
	return d.Source.Kind == m.asideFor.Kind && d.Source.Path == m.asideFor.Path
}

// settleAside forgets the data set aside once the loaded data are not the
// preset's own: they came back, the user loaded others, or the preset's
// failed to load.
func (m *Model) settleAside() {
	if m.aside == nil || (m.data != nil && m.data != m.aside && m.presetsOwn(m.data)) {
		return
	}
	m.aside, m.asideFor = nil, experiment.Source{}
	m.modelScr.SetAside("")
}

// startShop is asked, but a request for the built-in shop of no given
// size (the Data screen's b) asks for the shop the session started with
// (--builtin-users, --builtin-seed), not the default 5,000 users.
func (m *Model) startShop(asked experiment.Source) experiment.Source {
	start := m.opts.Source
	if asked.Kind != "builtin" || asked.Users != 0 || (start.Kind != "builtin" && start.Kind != "") {
		return asked
	}
	asked.Users, asked.DataSeed = start.Users, start.DataSeed
	return asked
}
