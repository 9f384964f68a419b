package experiment

// RetrainVerdict is what a RetrainComparison says about leaving the
// flagged users out of training, judged on the users the model is for
// (Clean) by DeLong's paired test at the 5 % level and by the size of the
// difference: a difference the test detects but smaller than
// VerdictMinDiff is negligible, not a reason to act.
type RetrainVerdict int

// The verdicts.
const (
	// VerdictUntested: the held-out users not flagged hold one class, or
	// too few of one, for the paired test.
	VerdictUntested RetrainVerdict = iota
	// VerdictNoDifference: the ROC AUCs do not differ at the 5 % level.
	VerdictNoDifference
	// VerdictWorse: the model trained without the flagged users ranks
	// the users it is for worse (p < 0.05).
	VerdictWorse
	// VerdictBetter: it ranks them better (p < 0.05).
	VerdictBetter
	// VerdictNegligible: the ROC AUCs differ at the 5 % level, by less
	// than VerdictMinDiff.
	VerdictNegligible
)

// VerdictLevel is the significance level of Verdict.
const VerdictLevel = 0.05

// VerdictMinDiff is the smallest difference of ROC AUC Verdict reads as
// better or worse. It plays the part of the noise in tune's "not clearly
// better" rule (TuneGain: a gain counts only when larger than the noise
// of the folds), which one split cannot measure: the comparison is one
// split and one seed, and retraining the same network with another seed
// moves its ROC AUC by about this much, so a smaller difference, however
// small its p-value on many rows, says nothing worth acting on. It is
// MinLeverGain's 0.01, on ROC AUC.
const VerdictMinDiff = 0.01

// Verdict judges the comparison on the held-out users not flagged.
func (c *RetrainComparison) Verdict() RetrainVerdict {
	t := c.Clean.Paired
	switch {
	case !c.Clean.OK || t == nil:
		return VerdictUntested
	case t.P >= VerdictLevel || t.Diff == 0:
		return VerdictNoDifference
	case t.Diff > -VerdictMinDiff && t.Diff < VerdictMinDiff:
		return VerdictNegligible
	case t.Diff < 0:
		return VerdictWorse
	}
	return VerdictBetter
}
