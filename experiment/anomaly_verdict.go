package experiment

// RetrainVerdict is what a RetrainComparison says about leaving the
// flagged users out of training, judged on the users the model is for
// (Clean) by DeLong's paired test at the 5 % level.
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
)

// VerdictLevel is the significance level of Verdict.
const VerdictLevel = 0.05

// Verdict judges the comparison on the held-out users not flagged.
func (c *RetrainComparison) Verdict() RetrainVerdict {
	t := c.Clean.Paired
	switch {
	case !c.Clean.OK || t == nil:
		return VerdictUntested
	case t.P >= VerdictLevel || t.Diff == 0:
		return VerdictNoDifference
	case t.Diff < 0:
		return VerdictWorse
	}
	return VerdictBetter
}
