package planscreen

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// exportReasons is how many reasons each exported customer gets.
const exportReasons = 3

// ExportDoneMsg says the target list was written to Path, or why not.
type ExportDoneMsg struct {
	Path string
	Rows int
	Err  error
}

// targetList is what the export of one plan needs; it only reads shared,
// never changed data.
type targetList struct {
	base     *base
	report   *experiment.PlanReport
	segments *experiment.Segments
	target   experiment.Target
	scheme   experiment.BandScheme
}

// exportCmd writes the plan's contacted customers to path, atomically.
func exportCmd(ctx context.Context, path string, l targetList) tea.Cmd {
	return func() tea.Msg {
		rows := l.report.Best.Contacted
		err := experiment.WriteFileAtomic(path, func(w io.Writer) error { return l.write(ctx, w) })
		return ExportDoneMsg{Path: path, Rows: rows, Err: err}
	}
}

// write writes the target list as CSV: per contacted customer in the
// plan's order, its id, probability of the outcome, band, segment, risk
// level, suggested action and top reasons. The TUI has no levers to mark,
// so there is no lever column.
func (l targetList) write(ctx context.Context, w io.Writer) (err error) {
	defer common.Recovered(&err)
	rep, b := l.report, l.base
	probs := l.target.Scores(b.pos)
	bands := experiment.AssignBands(probs, l.scheme)
	cw := csv.NewWriter(w)
	head := []string{"id", "probability_" + l.target.Outcome(), "band", "segment", "risk", "action"}
	for k := range exportReasons {
		head = append(head, "reason_"+strconv.Itoa(k+1))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, i := range rep.Plan.Contacted(rep.Best) {
		if err := ctx.Err(); err != nil {
			return err
		}
		ex, err := b.explainer.Explain(b.x.RawRowView(i))
		if err != nil {
			return fmt.Errorf("customer %s: %w", b.ids[i], err)
		}
		seg := l.segments.Names[i]
		rec := []string{b.ids[i], strconv.FormatFloat(probs[i], 'f', 4, 64), bands.Label(bands.Of[i]), seg.String(),
			l.segments.Risk[i].String(), experiment.SuggestedAction(seg, experiment.High).String()}
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
	return cw.Error()
}

// startExport writes the target list to path in a Cmd; a served session
// never writes at a path its client chose.
func (s *Model) startExport(path string) tea.Cmd {
	path = strings.TrimSpace(path)
	switch {
	case s.served:
		s.status = s.T("✗ export is not available in a served session: run `retain plan` on the server",
			"✗ 远程会话中不能导出：请在服务器上运行 `retain plan`")
		return nil
	case path == "":
		s.status = s.T("✗ no file name given", "✗ 没有给出文件名")
		return nil
	case s.report == nil || s.seg == nil || s.base == nil || s.base.explainer == nil:
		return nil
	}
	s.status = s.Tf("exporting %s customers to %s…", "正在导出 %s 位客户到 %s…", common.Thousands(s.report.Best.Contacted), path)
	l := targetList{base: s.base, report: s.report, segments: s.seg,
		target: common.TargetFor(s.chosen, s.base.label), scheme: s.scheme}
	return exportCmd(context.Background(), path, l)
}

// exported reports how an export went.
func (s *Model) exported(msg ExportDoneMsg) {
	switch {
	case msg.Err != nil:
		s.status = s.T("✗ export failed: ", "✗ 导出失败：") + s.ErrorText(msg.Err)
	default:
		s.status = s.Tf("✓ wrote the %s customers to contact to %s", "✓ 已将 %s 位待联系客户写入 %s",
			common.Thousands(msg.Rows), msg.Path)
	}
}
