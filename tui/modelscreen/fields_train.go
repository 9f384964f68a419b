package modelscreen

import (
	"slices"
	"strings"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Common values of the settings below.
var (
	momentumSteps = []float64{0, 0.5, 0.8, 0.9, 0.95, 0.99}
	factorSteps   = []float64{0.1, 0.2, 0.3, 0.5, 0.7, 0.9}
	minLRSteps    = []float64{0, 1e-6, 1e-5, 1e-4, 1e-3}
	clipSteps     = []float64{0, 0.5, 1, 2, 5, 10}
	everySteps    = []float64{1, 2, 5, 10, 20, 50}
	schedules     = []string{"none", "step", "plateau", "cosine"}
)

// sgdFields are momentum and Nesterov, shown for the sgd optimiser only.
func sgdFields(com common.Common, cfg experiment.Config) []field {
	if cfg.Train.Optimizer.Kind != "sgd" {
		return nil
	}
	return []field{
		floatField(com, com.T("Momentum", "动量"), com.T("sgd, 0 to < 1", "sgd，0 到 < 1"), momentumSteps, func(v float64) error {
			if v < 0 || v >= 1 {
				return refuse(com, "must be from 0 to below 1", "必须在 0 到 1 之间（不含 1）")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.Train.Optimizer.Momentum }),
		{
			label: "Nesterov", hint: com.T("on or off; needs momentum", "开或关；需要动量"),
			get: func(c experiment.Config) string { return com.OnOff(c.Train.Optimizer.Nesterov) },
			set: func(c *experiment.Config, text string) error {
				switch strings.ToLower(strings.TrimSpace(text)) {
				case "on", "yes", "true", "1", "开":
					if c.Train.Optimizer.Momentum == 0 {
						return refuse(com, "needs a momentum above 0", "需要大于 0 的动量")
					}
					c.Train.Optimizer.Nesterov = true
				case "off", "no", "false", "0", "关":
					c.Train.Optimizer.Nesterov = false
				default:
					return refuse(com, "type on or off", "请输入 开 或 关")
				}
				return nil
			},
			step: func(c *experiment.Config, _ int) { c.Train.Optimizer.Nesterov = !c.Train.Optimizer.Nesterov },
		},
	}
}

// scheduleFields are the learning-rate schedule and the settings of the
// chosen one, then gradient clipping.
func scheduleFields(com common.Common, cfg experiment.Config) []field {
	out := []field{{
		label: com.T("LR schedule", "学习率调度"), hint: com.T("none, step, plateau, cosine", "无、阶梯、平台期、余弦"),
		get: func(c experiment.Config) string { return scheduleName(com, scheduleKind(c)) },
		set: func(c *experiment.Config, text string) error {
			t := strings.ToLower(strings.TrimSpace(text))
			if at := slices.Index(scheduleNamesZh, t); at >= 0 {
				t = schedules[at] // typed as the Chinese interface shows it
			}
			if !slices.Contains(schedules, t) {
				return refuse(com, "choose none, step, plateau or cosine", "请选择 无、阶梯、平台期 或 余弦（或 none、step、plateau、cosine）")
			}
			c.Train.Schedule = defaultSchedule(t)
			return nil
		},
		step: func(c *experiment.Config, dir int) {
			c.Train.Schedule = defaultSchedule(cycle(schedules, scheduleKind(*c), dir))
		},
	}}
	sched := func(c *experiment.Config) *engine.ScheduleConfig { return &c.Train.Schedule }
	factor := floatField(com, com.T("  LR factor", "  学习率倍数"), com.T("rate × factor, (0, 1)", "学习率 × 倍数，(0, 1)"), factorSteps, func(v float64) error {
		switch {
		case cfg.Train.Schedule.Kind == "plateau" && (v <= 0 || v >= 1):
			return refuse(com, "must be above 0 and below 1", "必须大于 0 且小于 1")
		case v <= 0 || v > 1:
			return refuse(com, "must be above 0 and at most 1", "必须大于 0 且不超过 1")
		}
		return nil
	}, func(c *experiment.Config) *float64 { return &sched(c).Factor })
	minLR := floatField(com, com.T("  Min LR", "  最低学习率"), com.T("the rate's floor, ≥ 0", "学习率下限，≥ 0"), minLRSteps, func(v float64) error {
		if v < 0 || v > 10 {
			return refuse(com, "must be from 0 to 10", "必须在 0 到 10 之间")
		}
		return nil
	}, func(c *experiment.Config) *float64 { return &sched(c).MinLR })
	switch cfg.Train.Schedule.Kind {
	case "step":
		out = append(out, intField(com, com.T("  LR step every", "  每隔几轮衰减"), com.T("epochs", "轮"), 1, maxEpochs, everySteps,
			func(c *experiment.Config) *int { return &sched(c).Every }), factor)
	case "plateau":
		out = append(out, intField(com, com.T("  LR patience", "  学习率耐心"), com.T("epochs without improvement", "无改进的轮数"), 1, maxPatience, patienceSteps[1:],
			func(c *experiment.Config) *int { return &sched(c).Patience }), factor, minLR)
	case "cosine":
		out = append(out, minLR)
	}
	return append(out, floatField(com, com.T("Gradient clip", "梯度裁剪"), com.T("max gradient norm, 0 = off", "梯度范数上限，0 = 关闭"), clipSteps, func(v float64) error {
		if v < 0 || v > 1e6 {
			return refuse(com, "must be from 0 to 1,000,000", "必须在 0 到 1,000,000 之间")
		}
		return nil
	}, func(c *experiment.Config) *float64 { return &c.Train.ClipNorm }))
}

// scheduleNamesZh are the schedules as the Chinese interface shows them,
// in the order of schedules.
var scheduleNamesZh = []string{"无", "阶梯", "平台期", "余弦"}

// scheduleName is a schedule kind as the interface shows it: the CLI's
// word in English, a Chinese one in Chinese (either may be typed).
func scheduleName(com common.Common, kind string) string {
	if at := slices.Index(schedules, kind); at >= 0 {
		return com.T(kind, scheduleNamesZh[at])
	}
	return kind
}

// scheduleKind names the schedule ("none" when there is none).
func scheduleKind(c experiment.Config) string {
	if c.Train.Schedule.Kind == "" {
		return "none"
	}
	return c.Train.Schedule.Kind
}

// defaultSchedule is the schedule kind with the CLI's default settings.
func defaultSchedule(kind string) engine.ScheduleConfig {
	switch kind {
	case "step":
		return engine.ScheduleConfig{Kind: kind, Every: 10, Factor: 0.5}
	case "plateau":
		return engine.ScheduleConfig{Kind: kind, Factor: 0.5, Patience: 5, MinDelta: 1e-4}
	case "cosine":
		return engine.ScheduleConfig{Kind: kind}
	}
	return engine.ScheduleConfig{}
}
