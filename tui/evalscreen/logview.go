package evalscreen

import (
	"strconv"
	"time"

	"github.com/retainlab/retain/btyd"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// metricColumn is one column of the metrics table.
type metricColumn struct {
	name   string
	report *metrics.Report
}

// metricColumns are the table's columns: training, validation (the early
// stopping share when validated out of time), the customers at the cutoff
// and BG/NBD on them.
func (s Model) metricColumns() []metricColumn {
	d := s.data
	cols := []metricColumn{{s.T("train", "训练集"), &d.train.Report}}
	if d.val != nil {
		name := s.T("validation", "验证集")
		if d.later != nil {
			name = s.T("early stop", "提前停止集")
		}
		cols = append(cols, metricColumn{name, &d.val.Report})
	}
	if d.later != nil {
		cols = append(cols, metricColumn{s.T("out of time", "跨时间"), &d.later.Report})
	}
	if d.bgnbd != nil {
		cols = append(cols, metricColumn{"BG/NBD", &d.bgnbd.Report})
	}
	return cols
}

// metricsW is the width of the metrics table: the names, a column per
// part (and BG/NBD) and the built-in data's best possible figures.
func (s Model) metricsW() int {
	w := evalMetricNameW
	if s.data == nil {
		return w
	}
	for i := range s.metricColumns() {
		w += s.colWidth(i)
	}
	if s.data.main().Bayes != nil {
		w += evalBayesW
	}
	return w
}

// colWidth is the width of column i of the metrics table: an order log's
// columns have longer names ("out of time", 11 cells), kept two spaces
// apart so that two names never read as one phrase.
func (s Model) colWidth(i int) int {
	switch {
	case i == 0:
		return 10
	case s.data != nil && s.data.isLog:
		return 13
	}
	return 11
}

// logLines are an order log's lines under the metrics table: why a random
// split stood in for out of time, the BG/NBD fit (or why it failed) and the
// comparison of the two schemes.
func (s Model) logLines(w int) []string {
	d, st := s.data, s.Styles
	if d == nil || !d.isLog {
		return nil
	}
	var lines []string
	if d.fallback != nil {
		lines = append(lines, wrap(s.FallbackReason(d.fallback), w, st.Warning)...)
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	if bg := d.bgnbd; bg != nil {
		f := bg.Fit
		// A degenerate fit's parameters are far from 1 (a 1.3e-13, α
		// 4.8e8): written to 3 significant digits, not 3 decimals.
		param := func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
		if f.Params().Degenerate() {
			param = func(v float64) string { return common.Significant(v, 3) }
		}
		lines = append(lines, wrap(s.Tf("BG/NBD fitted on %s … %s (%s customers): r %s · α %s · a %s · b %s · log-likelihood %s",
			"BG/NBD 拟合区间 %s … %s（%s 位客户）：r %s · α %s · a %s · b %s · "+widget.Keep("对数似然")+" %s",
			day(f.CalibrationStart), day(f.CalibrationEnd), common.Thousands(f.Customers), param(f.R), param(f.Alpha), param(f.A), param(f.B),
			common.Decimal(f.LogLikelihood, 1)), w, st.Muted)...)
		if f.Params().Degenerate() {
			lines = append(lines, wrap(s.Tf("A degenerate fit: a parameter is outside %g … %g, at a limit of the model where it says little about the customers.",
				"退化的拟合：有参数超出 %g … %g，处于模型的极限，几乎不能说明这些客户。",
				btyd.DegenerateLow, btyd.DegenerateHigh), w, st.Warning)...)
		}
		lines = append(lines, s.bgnbdAheadLines(w)...)
	} else if d.bgErr != nil {
		lines = append(lines, wrap(s.T("No BG/NBD baseline: ", "没有 BG/NBD 基线：")+experiment.BaselineReason(d.bgErr), w, st.Warning)...)
	}
	return append(lines, s.comparisonLines(w)...)
}

// bgnbdAheadLines say, when BG/NBD ranks the customers of the main part
// (out of time, else validation) better than the network, by how much and
// what the Data screen's n offers, as retain backtest says it.
func (s Model) bgnbdAheadLines(w int) []string {
	d := s.data
	main := d.later
	if main == nil {
		main = d.val
	}
	if main == nil || !(d.bgnbd.Report.ROCAUC > main.Report.ROCAUC) {
		return nil
	}
	text := s.Tf("BG/NBD ranks these customers better than the network (ROC AUC %.3f vs %.3f): n on the Data screen gives the network BG/NBD's outputs as inputs.",
		"BG/NBD 对这些客户的排序好于神经网络（ROC AUC %.3f 对 %.3f）：在数据页按 n 可把 BG/NBD 的输出加为网络的输入。",
		d.bgnbd.Report.ROCAUC, main.Report.ROCAUC)
	if d.btyd {
		text = s.Tf("BG/NBD ranks these customers better than the network (ROC AUC %.3f vs %.3f), though the network has BG/NBD's outputs as inputs.",
			"BG/NBD 对这些客户的排序好于神经网络（ROC AUC %.3f 对 %.3f），尽管网络已把 BG/NBD 的输出作为输入。",
			d.bgnbd.Report.ROCAUC, main.Report.ROCAUC)
	}
	return wrap(text, w, s.Styles.Warning)
}

// partLine describes the part the matrix and curves use, for the header.
func (s Model) partLine() string {
	d := s.data
	if d.later != nil {
		return s.Tf("out of time: the %s customers at %s, trained on those at %s",
			"跨时间：%[2]s 的 %[1]s 位客户，模型用 %[3]s 的客户训练",
			common.Thousands(d.sweep.Rows()), d.cutoff.Format(time.DateOnly), d.trained.Cohort.Cutoff.Format(time.DateOnly))
	}
	line := s.Tf("%s part, %s rows", "%s，%s 行", s.partName(d.part), common.Thousands(d.sweep.Rows()))
	if d.isLog {
		// An order log could have been validated out of time: say it was not.
		line = s.T("random split: ", "随机划分：") + line
	}
	return line
}

// newROC is the ROC chart, with a BG/NBD curve for an order log.
func newROC(com common.Common, baseline bool) widget.SeriesChart {
	names := []string{com.T("model", "模型"), com.T("chance", "随机"), com.T("threshold", "阈值")}
	if baseline {
		names = append(names, "BG/NBD")
	}
	roc := widget.NewSeriesChart("ROC", com.Styles.Widget, names...)
	roc.SetXRange(0, 1)
	roc.SetYLimits(0, 1)
	roc.SetLegendValues(false)
	roc.SetMarker(0, widget.MarkerBraille)
	roc.SetMarker(1, widget.MarkerDots)
	roc.SetMarker(2, widget.MarkerPoint)
	roc.SetMarker(3, widget.MarkerLine)
	roc.SetAxisTitles(com.T("false positive rate", "假阳性率"), com.T("true positive rate", "真阳性率"))
	return roc
}

// pushBaseline draws BG/NBD's ROC curve, when there is one.
func (s *Model) pushBaseline() {
	if s.data.bgnbd == nil {
		return
	}
	roc := s.data.bgnbd.ROC
	x, y := downsampleCurve(roc.FPR, roc.TPR, 400)
	for i := range x {
		s.roc.Push(3, x[i], y[i])
	}
}
