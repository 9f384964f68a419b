package common

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// dirErrorZh says in Chinese why no file could be written in a directory.
func dirErrorZh(e *experiment.DirError) string {
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return fmt.Sprintf("写入 %s 失败：目录 %s 不存在", e.Path, e.Dir)
	case errors.Is(e.Err, syscall.ENOTDIR):
		return fmt.Sprintf("写入 %s 失败：%s 不是目录", e.Path, e.Dir)
	}
	if why := systemReasonZh(e.Err); why != "" {
		return fmt.Sprintf("写入 %s 失败：无法在目录 %s 中创建文件：%s", e.Path, e.Dir, why)
	}
	return fmt.Sprintf("写入 %s 失败：无法在目录 %s 中创建文件（%v）", e.Path, e.Dir, e.Err)
}

// DivergedReason words why training diverged (engine.DivergedError's
// Cause) in the interface's language.
func (c Common) DivergedReason(d *engine.DivergedError) string {
	if !c.Zh() {
		return d.Reason
	}
	switch d.Cause {
	case engine.CauseLossNaN:
		return "损失为 NaN"
	case engine.CauseLossInf:
		return fmt.Sprintf("损失为 %v", d.Loss)
	case engine.CauseLossExploded:
		return fmt.Sprintf("损失 %.4g 超过第一批损失 %.4g 的 %g 倍", d.Loss, d.FirstLoss, d.Factor)
	case engine.CauseGradientNotFinite:
		return "梯度出现非有限值"
	case engine.CauseWeightsNotFinite:
		return "权重出现非有限值"
	case engine.CauseValidationLoss:
		return "验证损失不是有限值"
	}
	return d.Reason
}

// DescribeSource names a data source in the interface's language
// (experiment.Source.Describe in English).
func (c Common) DescribeSource(s experiment.Source) string {
	if c.Lang != "zh" {
		return s.Describe()
	}
	switch s.Kind {
	case "builtin":
		users := s.Users
		if users == 0 {
			users = data.DefaultShopUsers
		}
		return fmt.Sprintf("内置商店（%s 位用户，种子 %d）", Thousands(users), s.DataSeed)
	case "textbook":
		return "教科书商店（100 位用户）"
	case "log":
		cutoff := "默认截止日（最后日期减去观察期）"
		if !s.Cutoff.IsZero() {
			cutoff = "截止日 " + s.Cutoff.Format("2006-01-02")
		}
		if s.Path == "" {
			return fmt.Sprintf("订单日志（未保存路径；%s，观察期 %d 天）", cutoff, s.HorizonDaysOrDefault())
		}
		return fmt.Sprintf("%s（订单日志，%s，观察期 %d 天）", s.Path, cutoff, s.HorizonDaysOrDefault())
	}
	if s.Path == "" {
		return "按用户的表（未保存路径）"
	}
	return s.Describe()
}

// valueErrorZh words a what-if value the column cannot take in Chinese.
func valueErrorZh(e *experiment.ValueError) string {
	switch e.Want {
	case experiment.WantLevel:
		return fmt.Sprintf("%s 没有取值“%s”（可选：%s）", e.Column, e.Value, strings.Join(e.Levels, "、"))
	case experiment.WantBoolean:
		return fmt.Sprintf("%s 只能取 %s", e.Column, strings.Join(e.Levels, " 或 "))
	case experiment.WantDate:
		return fmt.Sprintf("%s 需要一个日期，输入的是“%s”（%s）", e.Column, e.Value, PlainError(e.Err))
	}
	return fmt.Sprintf("%s 需要一个数字，输入的是“%s”", e.Column, e.Value)
}

// limitErrorZh words a refusal by the session's limits in Chinese
// (experiment.LimitError.Error says it in English).
func (c Common) limitErrorZh(lim *experiment.LimitError) string {
	if lim.OnLoad {
		return fmt.Sprintf("%s 有 %s 行；本会话最多允许 %s 行（在训练前拒绝）",
			c.DescribeSource(lim.Source), Thousands(lim.Rows), Thousands(lim.MaxRows))
	}
	atLeast := ""
	if lim.AtLeast {
		atLeast = "至少"
	}
	switch {
	case lim.MaxRows > 0:
		return fmt.Sprintf("%s 有 %s 行；本会话最多只能用 %s 行训练",
			c.DescribeSource(lim.Source), Thousands(lim.Rows), Thousands(lim.MaxRows))
	case lim.MaxParams > 0:
		return fmt.Sprintf("网络将有%s %s 个参数；本会话最多允许 %s 个", atLeast, Thousands(lim.Params), Thousands(lim.MaxParams))
	case lim.MaxMemory > 0:
		about := "约"
		if lim.AtLeast {
			about = atLeast
		}
		return fmt.Sprintf("训练将需要%s %s 内存；本会话最多允许 %s（减小批大小或单元数可减少内存）",
			about, data.Bytes(lim.Memory), data.Bytes(float64(lim.MaxMemory)))
	}
	return fmt.Sprintf("要求训练 %s 轮；本会话最多允许 %s 轮", Thousands(lim.Epochs), Thousands(lim.MaxEpochs))
}
