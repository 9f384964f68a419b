package evalscreen

import (
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// newCalibChart builds the reliability chart: the model's curve and the
// diagonal, and with a calibrated run the network's curve before
// calibration as a third line, the title carrying the expected calibration
// error before → after.
func newCalibChart(com common.Common, ch *experiment.CalibrationCheck) widget.SeriesChart {
	title := com.T("Calibration", "校准")
	// The legend says "after" and "before": the method and the rows are
	// in the lines under the confusion matrix.
	names := []string{com.T("model", "模型"), com.T("perfect", "完美")}
	if ch != nil {
		title = com.Tf("Calibration · ECE %.3f→%.3f", "校准 · ECE %.3f→%.3f", ch.ECEBefore, ch.ECEAfter)
		names = []string{com.T("after", "校准后"), names[1], com.T("before", "校准前")}
	}
	c := widget.NewSeriesChart(title, com.Styles.Widget, names...)
	c.SetXRange(0, 1)
	c.SetYLimits(0, 1)
	c.SetLegendValues(false) // a curve's last point is (1, 1), not news
	// A braille line has no box-drawing joints that read as error bars.
	c.SetMarker(0, widget.MarkerBraille)
	c.SetMarker(1, widget.MarkerDots)
	if ch != nil {
		// A + per bin: told apart from the calibrated line by shape, not
		// only by colour.
		c.SetMarker(2, widget.MarkerPoint)
	}
	c.SetAxisTitles(com.T("predicted probability", "预测概率"), com.T("observed rate", "实际比例"))
	return c
}

// methodName names a calibration method in the interface's language.
func methodName(com common.Common, m experiment.CalibrationMethod) string {
	switch m {
	case experiment.CalibPlatt:
		return com.T("Platt", "Platt 缩放")
	case experiment.CalibIsotonic:
		return com.T("isotonic", "保序回归")
	}
	return string(m)
}

// calibrationLines say how the probabilities were calibrated, what ECE
// measures and where the best-F1 threshold was chosen, wrapped to w cells;
// for a run whose calibration was not applied, why; nil for a run that
// asked for none.
func (s Model) calibrationLines(d *evalData, w int) []string {
	ch := d.check
	if ch == nil {
		return s.droppedLines(d.dropped, w)
	}
	st := s.Styles
	fitted := s.Tf("%s calibration rows early stopping never saw", " %s 行提前停止从未见过的校准数据", common.Thousands(ch.CalibRows))
	chosen := s.T("best F1 chosen on the calibration part", "最佳 F1 在校准集上选定")
	if ch.FitPart == experiment.ValPart {
		fitted = widget.Keep(s.Tf("the %s validation rows", " %s 行验证数据", common.Thousands(ch.CalibRows)))
		if ch.Part == ch.FitPart {
			fitted = widget.Keep(s.Tf("these %s rows", "这 %s 行", common.Thousands(ch.CalibRows)))
		}
		chosen = s.T("best F1 chosen on the validation part", "最佳 F1 在验证集上选定")
	}
	lines := widget.WrapText(s.Tf("ECE %.3f → %.3f on %s (%s on %s)", "ECE %.3f → %.3f，%s（%s，拟合于%s）",
		ch.ECEBefore, ch.ECEAfter, s.partName(ch.Part), methodName(s.Common, ch.Method), fitted), w)
	lines = append(lines, widget.PackItems([]string{s.T("ECE: 10 equal-width bins, weighted by count", "ECE：10 个等宽分箱，按行数加权"), chosen}, " · ", w)...)
	for i, l := range lines {
		lines[i] = st.Muted.Render(l)
	}
	return lines
}

// droppedLines say that the calibration asked for was not applied, and
// why, wrapped to w cells; nil for nil.
func (s Model) droppedLines(dr *experiment.CalibrationDropped, w int) []string {
	if dr == nil {
		return nil
	}
	rows := s.Tf("the %s calibration rows", "%s 行校准数据", common.Thousands(dr.Rows))
	if dr.FitPart == experiment.ValPart {
		rows = s.Tf("the %s validation rows", "%s 行验证数据", common.Thousands(dr.Rows))
	}
	lines := widget.WrapText(s.Tf("Calibration: none — %s hold %s positive and %s negative; %s needs at least %d of each class "+
		"and %s rows at this positive rate, so the network's own probabilities are kept",
		"校准：无 — %s中正例 %s 行、负例 %s 行；%s至少需要每类 %d 行，且在此正例率下需要 %s 行，因此保留网络自己的概率",
		rows, common.Thousands(dr.Positives), common.Thousands(dr.Rows-dr.Positives), methodName(s.Common, dr.Method),
		dr.MinClassRows, common.Thousands(dr.MinRows)), w)
	for i, l := range lines {
		lines[i] = s.Styles.Muted.Render(l)
	}
	return lines
}
