package common

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/tui/walkthrough"
)

// Common is the context every screen embeds: its size, the house styles,
// the global keys, the language, the loaded data and the analysed run. The
// root builds one with New and hands a copy to each screen's constructor;
// it is a value, so a copy of the root model (and of its screens) never
// shares mutable state with another.
type Common struct {
	// Width and Height are the screen's content size, set by SetSize.
	Width, Height int
	// Styles are the house styles, built once per program and never
	// changed: copies of a Common share them, which keeps a screen (and the
	// root model holding every screen) small to copy.
	Styles *Styles
	// Keys are the global keys (tabs, help, quit).
	Keys KeyMap
	// Lang is "en" or "zh": the language of every user-visible string.
	Lang string
	// Data is the loaded data set (nil until the first load).
	Data *experiment.Data
	// Run is the analysed run (Number 0: none yet).
	Run Run
	// DataChanged is set for analysis screens emptied because other data
	// loaded after a run: their empty state asks for a run on the new data.
	DataChanged bool
	// Training is the number of the run training now (0: none), which the
	// empty states of the screens that wait for an ended run name.
	Training int
	// TrainingPaused says that run is paused (the Walkthrough can show it).
	TrainingPaused bool
	// Served says the TUI runs as a session of retain serve: its user never
	// opens a file of the server at a path they type. ServedFile is the
	// file served (Path empty when the server serves the built-in data),
	// which the Data screen reloads as the server serves it.
	Served     bool
	ServedFile experiment.Source
	// Pseudonym, when set, replaces customer ids with keyed hashes: the
	// loaded data's ids are pseudonymised as they load (so every screen and
	// export shows pseudonyms), and a screen that reads ids again from a
	// file applies it too (--pseudonymise, forced by serve).
	Pseudonym *pseudonym.Key
}

// New returns the context for lang, which may be a flag value or a locale
// such as "zh_CN.UTF-8" (anything else means English), with the default
// styles and keys.
func New(lang string) Common {
	lang = walkthrough.DetectLang(lang, "")
	st := DefaultStyles()
	return Common{Styles: &st, Keys: KeyMapIn(lang), Lang: lang}
}

// SetLang makes the context speak lang (a flag value or locale, as for
// New): the language and the global keys' help.
func (c *Common) SetLang(lang string) {
	c.Lang = walkthrough.DetectLang(lang, "")
	c.Keys = KeyMapIn(c.Lang)
}

// SetSize records the screen's content size.
func (c *Common) SetSize(w, h int) { c.Width, c.Height = w, h }

// Zh reports whether the interface speaks Chinese.
func (c Common) Zh() bool { return c.Lang == "zh" }

// T returns the text for the current language: zh when the language is
// Chinese and zh is not empty, en otherwise. Call it at every user-visible
// string, e.g. c.T("No trained model yet.", "还没有训练好的模型。").
func (c Common) T(en, zh string) string {
	if c.Lang == "zh" && zh != "" {
		return zh
	}
	return en
}

// Tf formats the text for the current language as fmt.Sprintf does; the
// two formats should take the same verbs in the same order (use explicit
// argument indexes, %[2]s, when the Chinese order differs).
func (c Common) Tf(enFormat, zhFormat string, args ...any) string {
	return fmt.Sprintf(c.T(enFormat, zhFormat), args...)
}

// Screen is what the root router needs from every screen. Screens are
// values: Update returns the next value, SetSize returns the resized one.
type Screen interface {
	// Update handles a message and returns the next screen and a Cmd.
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View returns the screen's body (the root adds tabs and footer).
	View() string
	// Resize returns the screen laid out for a w×h content area.
	Resize(w, h int) Screen
	// HelpGroups returns the keys that work now; the first group is the
	// footer's short help.
	HelpGroups() [][]key.Binding
	// Editing reports whether a text field has the keyboard, which turns
	// the global keys off.
	Editing() bool
	// Relang returns the screen speaking lang ("en" or "zh"), everything
	// else kept: its data, place, fields and runs. Every string the screen
	// built in the old language (keys' help, rendered text) is built again.
	Relang(lang string) Screen
}

// Relanged returns a copy of the screen s speaking lang: it calls SetLang,
// which every screen declares on its pointer, on the copy. A screen's
// Relang is then one line, as Resize is:
//
//	func (s Model) Relang(lang string) common.Screen { return common.Relanged(s, lang) }
func Relanged[S Screen, P interface {
	*S
	SetLang(lang string)
}](s S, lang string) Screen {
	P(&s).SetLang(lang)
	return s
}

// Resized returns a copy of the screen s laid out for a w×h content area:
// it calls SetSize, which every screen declares on its pointer, on the copy.
// A screen's Resize is then one line:
//
//	func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }
//
// Go cannot give Resize (nor Update, whose result must widen the screen's
// own type to Screen) to every screen through embedding, as a method of the
// embedded Common would act on the Common and return it, not the screen.
func Resized[S Screen, P interface {
	*S
	SetSize(w, h int)
}](s S, w, h int) Screen {
	P(&s).SetSize(w, h)
	return s
}
