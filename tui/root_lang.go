package tui

import (
	"github.com/retainlab/retain/tui/common"
)

// The language is one value, m.com.Lang, of which every screen holds a
// copy in its common.Common (a screen is a value and draws its view ahead
// of View). Switching hands the new language to every screen through
// common.Screen's Relang, which each screen must implement: it takes its
// keys' help and its charts' wording from a screen built afresh in the new
// language and draws its view again, keeping its data, place and fields.
// What the root itself said in words it keeps as a function of the
// language (loadingText) or as the error it came from (noData), and says
// again.

// langKey is the key that switches the language, as tests press it.
const langKey = common.LangKey

// otherLang is the language the language key switches lang to.
func otherLang(lang string) string {
	if lang == "zh" {
		return "en"
	}
	return "zh"
}

// switchLang switches the interface to the other language.
func (m *Model) switchLang() { m.setLang(otherLang(m.com.Lang)) }

// setLang makes the whole interface speak lang at once: the root's frame
// and every screen, each keeping its state.
func (m *Model) setLang(lang string) {
	m.com.SetLang(lang)
	m.keys = m.com.Keys
	m.dataScr = relang(m.dataScr, lang)
	m.modelScr = relang(m.modelScr, lang)
	m.trainScr = relang(m.trainScr, lang)
	m.evalScr = relang(m.evalScr, lang)
	m.usersScr = relang(m.usersScr, lang)
	m.walkScr = relang(m.walkScr, lang)
	m.runsScr = relang(m.runsScr, lang)
	m.mapScr = relang(m.mapScr, lang)
	m.cohScr = relang(m.cohScr, lang)
	m.planScr = relang(m.planScr, lang)
	m.recScr = relang(m.recScr, lang)
	m.tuneScr = relang(m.tuneScr, lang)
	m.anomScr = relang(m.anomScr, lang)
	if m.loadingText != nil {
		m.loading = m.loadingText(m.com)
	}
	if m.noData != nil {
		m.dataScr.SetLoadFailed(m.errorText(m.noData))
	}
	if m.aside != nil {
		m.modelScr.SetAside(m.com.SourceName(m.aside.Source))
	}
	if m.width > 0 {
		m.layout() // the tab bar's names, and the footer's height
	}
}

// relang hands lang to a screen through common.Screen and returns the
// screen's next value with its concrete type.
func relang[S common.Screen](s S, lang string) S { return s.Relang(lang).(S) }

// setLoading says what is loading (nil: nothing), now and after a switch
// of language.
func (m *Model) setLoading(text func(common.Common) string) {
	m.loadingText, m.loadShown = text, nil
	m.loading = ""
	if text != nil {
		m.loading = text(m.com)
	}
}
