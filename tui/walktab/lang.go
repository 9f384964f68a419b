package walktab

import "github.com/retainlab/retain/tui/common"

// SetLang makes the tab and the walkthrough it shows speak lang, keeping
// the user, step and neurons.
func (w *Model) SetLang(lang string) {
	w.Common.SetLang(lang)
	if w.has {
		w.model.SetLang(w.Lang)
	}
	w.render()
}

// Relang implements common.Screen.
func (w Model) Relang(lang string) common.Screen { return common.Relanged(w, lang) }
