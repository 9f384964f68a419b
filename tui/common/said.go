package common

// Said is a text a screen keeps to show later (a refusal, how a run
// ended, what an export did), held in both languages, so that a switch of
// language shows it in the new one at once. The zero value is no text.
// Screens make one with Both, Plain or their own say, which evaluates the
// words once per language.
type Said struct{ en, zh string }

// Both returns the text en in English and zh in Chinese.
func Both(en, zh string) Said { return Said{en, zh} }

// Plain returns a text that reads the same in both languages.
func Plain(s string) Said { return Said{s, s} }

// SayIn returns what f says in each language: f is called with the
// context in English, then in Chinese.
func (c Common) SayIn(f func(c Common) string) Said {
	en, zh := c, c
	en.Lang, zh.Lang = "en", "zh"
	return Said{f(en), f(zh)}
}

// In returns the text in c's language.
func (s Said) In(c Common) string {
	if c.Lang == "zh" {
		return s.zh
	}
	return s.en
}

// Then returns s followed by t, in each language.
func (s Said) Then(t Said) Said { return Said{s.en + t.en, s.zh + t.zh} }

// context returns c itself; a screen embedding Common gets it, which lets
// Say reach the screen's Common.
func (c *Common) context() *Common { return c }

// Say returns what f says of the screen s in each language: f is called
// on a copy of s speaking English, then on one speaking Chinese, so that
// f may call the screen's own methods that word things. f must only read.
// A screen's say is then one line:
//
//	func (s Model) say(f func(Model) string) common.Said { return common.Say(s, f) }
func Say[S any, P interface {
	*S
	context() *Common
}](s S, f func(S) string) Said {
	en, zh := s, s
	P(&en).context().Lang, P(&zh).context().Lang = "en", "zh"
	return Said{f(en), f(zh)}
}
