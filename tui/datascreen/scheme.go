package datascreen

import (
	"errors"
	"strings"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// schemeInfo is how a prepared order log is validated, for the header.
type schemeInfo struct {
	Scheme experiment.Scheme
	// Fallback says why out of time was asked for and not possible.
	Fallback *experiment.OutOfTimeError
	// OneClass says the cohort's label has one class, so that no scheme
	// can train on it (experiment.CheckClasses).
	OneClass *experiment.OneClassError
	// TrainCutoff and Cutoff are the cohorts' dates out of time; Trained
	// and Measured are their customers.
	TrainCutoff, Cutoff time.Time
	Trained, Measured   int
}

func newSchemeInfo(exp *experiment.Experiment) schemeInfo {
	v := schemeInfo{Scheme: exp.Scheme(), Fallback: exp.Fallback}
	errors.As(experiment.CheckClasses(exp.Loaded()), &v.OneClass)
	if exp.Later != nil {
		v.TrainCutoff, v.Cutoff = exp.Data.Cohort.Cutoff, exp.Later.Data.Cohort.Cutoff
		v.Trained, v.Measured = exp.Data.Cohort.Customers, exp.Later.Set.Rows
	}
	return v
}

// asked is the scheme the configuration asks for (out of time when it
// fell back).
func (v schemeInfo) asked() experiment.Scheme {
	if v.Fallback != nil {
		return experiment.OutOfTime
	}
	return v.Scheme
}

// SchemeMsg asks the root to validate the loaded order log with another
// scheme (the Data screen's t key).
type SchemeMsg struct{ Scheme experiment.Scheme }

// validationLines describe, over at most maxLines lines, how an order log
// is validated: out of time, or the random split (validationNote says
// why when out of time was impossible). Nil for other data, which keeps
// its Split line.
func (s Model) validationLines(maxLines int) []string {
	if !s.isLog() {
		return nil
	}
	info, v := s.info, s.info.Validation
	key := s.T("Scheme", "验证方式")
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	if v.Scheme == experiment.OutOfTime && maxLines == 1 {
		// The short form, for a short window: t is in the footer and help.
		return s.field(key, s.Tf("out of time: train %s (%s) · measure %s (%s)",
			"跨时间验证：训练 %s（%s 位）· 评估 %s（%s 位）",
			day(v.TrainCutoff), common.Thousands(v.Trained), day(v.Cutoff), common.Thousands(v.Measured)), 1, plainJoin)
	}
	if v.Scheme == experiment.OutOfTime {
		return s.field(key, s.Tf("out of time: trains on the customers at %s (%s, %s of them held out for early stopping), measured on the %s at %s · %[6]s",
			"跨时间验证：用 %[1]s 的客户训练（%[2]s 位，其中 %[3]s 位留作提前停止之用），在 %[5]s 的 %[4]s 位客户上评估 · %[6]s",
			day(v.TrainCutoff), common.Thousands(v.Trained), common.Thousands(info.Val),
			common.Thousands(v.Measured), day(v.Cutoff), widget.Keep(s.T("t: random split", "t：随机划分"))), min(maxLines, 3), plainJoin)
	}
	return s.field(key, s.Tf("random split, seed %d: train %s · validation %s · test %s%s (stratified)%s · %s",
		"随机划分，种子 %d：训练 %s · 验证 %s · 测试 %s%s（分层）%s· %s",
		info.Seed, common.Thousands(info.Train), common.Thousands(info.Val), common.Thousands(info.Test), s.calibPart(), s.calibOnVal(),
		s.randomHint()), min(maxLines, 2), plainJoin)
}

// randomHint says what t does on a random split: it asks for out of time,
// unless the split is random because out of time was asked for and was
// impossible; t then asks for the random split itself, so that out of time
// is no longer tried.
func (s Model) randomHint() string {
	if s.info.Validation.Fallback != nil {
		return widget.Keep(s.T("t: choose the random split", "t：改选随机划分"))
	}
	return widget.Keep(s.T("t: out of time", "t：跨时间验证"))
}

// validationNote says why an order log is split at random when out of
// time was impossible (nil when it was not, or for other data).
func (s Model) validationNote() []string {
	if !s.isLog() || s.info.Validation.Scheme == experiment.OutOfTime {
		return nil
	}
	v, st := s.info.Validation, s.Styles
	switch {
	case v.OneClass != nil:
		// Said instead of the fallback's reason: no split of a label of one
		// class can train, at random or out of time.
		return s.field("", s.OneClassNote(v.OneClass), 3, st.Warning.Render)
	case v.Fallback != nil:
		return s.field("", s.FallbackReason(v.Fallback), 3, st.Warning.Render)
	}
	return nil
}

// plainJoin joins wrapped pieces unstyled.
func plainJoin(strs ...string) string { return strings.Join(strs, " ") }
