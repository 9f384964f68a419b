package evalscreen

import (
	"math"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// planView is what the Evaluate screen shows about the target: the gains
// table and the bands of the evaluated part, users ranked by the
// probability of the outcome to prevent or to encourage.
type planView struct {
	chosen   *experiment.Target // the user's choice (common.TargetMsg), if any
	scheme   experiment.BandScheme
	target   experiment.Target
	gains    []metrics.GainsRow
	bands    experiment.Banding
	outcomes []int // users with the outcome per band
	err      error // why the gains could not be computed
}

// retarget computes the gains and bands of the analysed part for the
// current target and scheme (experiment does the ranking and cutting).
func (s *Model) retarget() {
	d := s.data
	if d == nil {
		return
	}
	p := &s.plan
	p.target = common.TargetFor(p.chosen, d.label)
	p.gains, p.err = p.target.Gains(d.probs, d.labels, nil, metrics.ReportBins)
	p.bands, p.outcomes = experiment.TargetBands(d.probs, d.labels, p.target, p.scheme)
}

// risk words the current target.
func (s Model) risk() common.RiskWording { return common.NewRiskWording(s.plan.target) }

// bandLines is the table of bands: users, users with the outcome and
// their rate per band.
func (s Model) bandLines(w int) []string {
	st, p := s.Styles, s.plan
	lines := []string{
		common.Truncate(st.Title.Render(s.T("Bands", "分档"))+st.Muted.Render(" · "+s.BandSchemeShort(p.scheme)+s.T(" (B)", "（B）")), w),
		st.Header.Render(common.Truncate(common.Pad(s.T("band", "档"), 9)+common.PadLeft(s.T("users", "用户"), 8)+
			common.PadLeft(s.T("have it", "发生"), 8)+common.PadLeft(s.T("rate", "比例"), 6), w)),
	}
	for i, b := range p.bands.Bands {
		rate := "–"
		if r := p.bands.Rate(i, p.outcomes); !math.IsNaN(r) {
			rate = common.WholePercent(r) // "84 %", as the gains table beside it
		}
		lines = append(lines, common.TruncateCell(common.Pad(s.BandName(p.bands, i), 9)+common.PadLeft(common.Thousands(b.Users()), 8)+
			common.PadLeft(common.Thousands(p.outcomes[i]), 8)+common.PadLeft(rate, 6), w))
	}
	return lines
}
