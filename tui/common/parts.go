package common

import (
	"fmt"

	"github.com/retainlab/retain/experiment"
)

// PartName names a part of the split in the interface's language.
func (c Common) PartName(p experiment.Part) string {
	switch p {
	case experiment.TrainPart:
		return c.T("training", "训练集")
	case experiment.ValPart:
		return c.T("validation", "验证集")
	case experiment.LaterPart:
		return c.T("out of time", "跨时间")
	}
	return c.T("test", "测试集")
}

// partTooSmallText is the command line's sentence of e ("the validation
// part has 0 rows and 0 positives: too few to measure a model") in the
// interface's language.
func (c Common) partTooSmallText(e *experiment.PartTooSmallError) string {
	if !c.Zh() {
		return e.Error()
	}
	return fmt.Sprintf("%s有 %d 行，其中正类 %d 行：太少，无法评估模型", c.PartName(e.Part), e.Rows, e.Positives)
}

// PartTooSmallReason says why the data cannot train a model that can be
// measured (e), in the command line's words, and what to do on this
// interface instead of its --val and --test.
func (c Common) PartTooSmallReason(e *experiment.PartTooSmallError) string {
	if e.Part == experiment.TestPart {
		return c.partTooSmallText(e) + c.T(". Use more data.", "。请使用更多数据。")
	}
	return c.partTooSmallText(e) + c.T(". Use more data, or change the validation share on the Model screen (2).",
		"。请使用更多数据，或在“模型”页（2）调整验证集比例。")
}
