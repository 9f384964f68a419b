package common

import "charm.land/bubbles/v2/key"

// KeyMap holds the keys that work on every screen.
type KeyMap struct {
	NextTab key.Binding
	PrevTab key.Binding
	Data    key.Binding
	Model   key.Binding
	Train   key.Binding
	// Evaluate, Users, Walk, Runs and Map open the analysis screens.
	Evaluate key.Binding
	Users    key.Binding
	Walk     key.Binding
	Runs     key.Binding
	Map      key.Binding
	Cohorts  key.Binding // the Cohorts screen (order logs)
	Plan     key.Binding // the Plan screen (campaign planner)
	// Recommend opens the Recommend screen: the eleventh tab, on R (the
	// digits are taken; capital R clashes with no screen's key).
	Recommend key.Binding
	Tune      key.Binding // the Tune screen (configuration search)
	// Anomalies opens the Anomalies screen (abnormal users), on A.
	Anomalies key.Binding
	Dismiss   key.Binding
	Help      key.Binding
	Quit      key.Binding
	// Lang switches the interface to the other language (English ⇄
	// Chinese) at once, on ctrl+l; its help names the language it switches
	// to, in that language, so a reader of either finds it.
	Lang key.Binding
}

// LangKey is the key that switches the language: l for language, with
// ctrl as no screen's letter is taken and a text field types no control
// key, so it works while a field is being edited too.
const LangKey = "ctrl+l"

// DefaultKeyMap returns the global keys, described in English.
func DefaultKeyMap() KeyMap { return KeyMapIn("en") }

// KeyMapIn returns the global keys described in lang ("en" or "zh").
func KeyMapIn(lang string) KeyMap {
	c := Common{Lang: lang}
	b := func(desc, zh string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], c.T(desc, zh)))
	}
	k := KeyMap{
		NextTab:   b("next screen", "下一页", "tab"),
		PrevTab:   b("previous screen", "上一页", "shift+tab"),
		Data:      b("data", "数据", "1"),
		Model:     b("model", "模型", "2"),
		Train:     b("train", "训练", "3"),
		Evaluate:  b("evaluate", "评估", "4"),
		Users:     b("users", "用户", "5"),
		Walk:      b("walkthrough", "逐步讲解", "6"),
		Runs:      b("runs", "训练记录", "7"),
		Map:       b("decision map", "决策图", "8"),
		Cohorts:   b("cohorts", "同期群", "9"),
		Plan:      b("plan", "计划", "0"),
		Recommend: b("recommend", "推荐", "R"),
		Tune:      b("tune", "调参", "T"),
		Anomalies: b("anomalies", "异常", "A"),
		Dismiss:   b("dismiss error", "关闭错误", "esc"),
		Help:      b("keys", "按键", "?"),
		Quit:      b("quit", "退出", "q", "ctrl+c"),
		Lang:      b("中文", "English", LangKey),
	}
	return k
}

// TabKeys returns the number key of every tab, in tab order.
func (k KeyMap) TabKeys() []key.Binding {
	all := []key.Binding{k.Data, k.Model, k.Train, k.Evaluate, k.Users, k.Walk, k.Runs, k.Map, k.Cohorts, k.Plan, k.Recommend, k.Tune, k.Anomalies}
	return all
}
