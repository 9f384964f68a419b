package planscreen

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
)

// exportReasons is how many reasons each exported customer gets.
const exportReasons = 3

// exportBlock is how many customers are explained, and their levers
// found, between two progress reports.
const exportBlock = 256

// ExportOwner names the Plan screen in its exports' messages
// (exporter.Msg.For).
const ExportOwner = "plan"

// newExports returns the screen's export machinery.
func newExports() exporter.Model {
	return exporter.New(ExportOwner, exporter.Noun{En: "customers", Zh: "位客户"})
}

// targetList is what the export of one plan needs; it only reads shared,
// never changed data.
type targetList struct {
	base     *base
	report   *experiment.PlanReport
	segments *experiment.Segments
	target   experiment.Target
	scheme   experiment.BandScheme
	levers   []string
}

// write writes the target list as CSV: per contacted customer in the
// plan's order, its id, probability of the outcome, band, segment, risk
// level, suggested action, most movable lever ("" when no lever is marked
// or none helps) and top reasons.
func (l targetList) write(ctx context.Context, w io.Writer, progress func(done, total int)) (err error) {
	defer common.Recovered(&err)
	rep, b := l.report, l.base
	probs := l.target.Scores(b.pos)
	bands := experiment.AssignBands(probs, l.scheme)
	cw := csv.NewWriter(w)
	head := []string{"id", "probability_" + l.target.Label.Name + "_" + l.target.Class(), "band", "segment", "p_level", "action", "lever"}
	for k := range exportReasons {
		head = append(head, "reason_"+strconv.Itoa(k+1))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	contacted := rep.Plan.Contacted(rep.Best)
	bx, err := b.explainer.Batch()
	if err != nil {
		return err
	}
	inputs := make([][]float64, 0, exportBlock)
	exs := make([]experiment.Explanation, exportBlock)
	for start := 0; start < len(contacted); start += exportBlock {
		if err := ctx.Err(); err != nil {
			return err
		}
		block := contacted[start:min(start+exportBlock, len(contacted))]
		moves, err := l.moves(block)
		if err != nil {
			return err
		}
		inputs = inputs[:0]
		for _, i := range block {
			inputs = append(inputs, b.x.RawRowView(i))
		}
		if err := bx.Explain(exs[:len(block)], inputs); err != nil {
			return fmt.Errorf("customers %s…: %w", b.ids[block[0]], err)
		}
		for k, i := range block {
			ex := exs[k]
			seg := l.segments.Names[i]
			lever := ""
			if moves[k] != nil {
				lever = moves[k].String(l.target.Outcome())
			}
			rec := []string{b.ids[i], strconv.FormatFloat(probs[i], 'f', 4, 64), bands.Label(bands.Of[i]), seg.String(),
				l.segments.Risk[i].String(), experiment.SuggestedAction(seg, experiment.High).String(), lever}
			for k := range exportReasons {
				reason := ""
				if k < len(ex.Reasons) {
					reason = experiment.FormatReason(ex.Reasons[k])
				}
				rec = append(rec, reason)
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		if progress != nil {
			progress(start+len(block), len(contacted))
		}
	}
	cw.Flush()
	return cw.Error()
}

// moves are the most movable levers of the customers in block (all nil
// without levers).
func (l targetList) moves(block []int) ([]*experiment.LeverMove, error) {
	if len(l.levers) == 0 {
		return make([]*experiment.LeverMove, len(block)), nil
	}
	rows := make([][]float64, len(block))
	for k, i := range block {
		rows[k] = l.base.x.RawRowView(i)
	}
	own := func(k int, pc *data.PipelineColumn) (string, bool) { return l.base.own(block[k], pc) }
	return l.base.explainer.BestLevers(rows, l.levers, l.target.OnPositive, l.target.Direction == experiment.Prevent, own)
}

// startExport writes the target list to path in a Cmd; a served session
// never writes at a path its client chose (see exporter.Model.Served).
func (s *Model) startExport(path string) tea.Cmd {
	if s.report == nil || s.seg == nil || s.base == nil || s.base.explainer == nil {
		return nil
	}
	l := targetList{base: s.base, report: s.report, segments: s.seg,
		target: common.TargetFor(s.chosen, s.base.label), scheme: s.scheme, levers: s.shownLevers}
	cmd, status := s.out.File(s.Common, path, "retain-plan-", s.report.Best.Contacted, l.write)
	s.status = status
	return cmd
}
