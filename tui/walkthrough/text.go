package walkthrough

import (
	"fmt"
	"strings"
)

// Languages lists the languages the walkthrough is written in.
var Languages = []string{"en", "zh"}

// DetectLang chooses the language: the --lang flag when it names a known
// language, otherwise Chinese when the locale env (for example
// "zh_CN.UTF-8", as Locale reads it from LC_ALL, LC_MESSAGES or LANG) says
// so, otherwise English.
func DetectLang(flag, env string) string {
	if l := normaliseLang(flag); l != "" {
		return l
	}
	if l := normaliseLang(env); l != "" {
		return l
	}
	return "en"
}

// normaliseLang maps "zh", "zh_CN.UTF-8", "zh-TW", "EN_us" and the like to
// a known language, or "" when s names none.
func normaliseLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	base, _, _ := strings.Cut(s, ".")
	base, _, _ = strings.Cut(base, "@")
	switch {
	case base == "zh" || strings.HasPrefix(base, "zh_") || strings.HasPrefix(base, "zh-"):
		return "zh"
	case base == "en" || strings.HasPrefix(base, "en_") || strings.HasPrefix(base, "en-"):
		return "en"
	}
	return ""
}

// texts holds every sentence and label of the walkthrough, keyed by page
// element, in every language. A test checks that both languages have the
// same keys and the same formatting verbs.
var texts = map[string]map[string]string{"en": textEN, "zh": textZH}

// tr returns the text for key in lang, formatted with args. A missing text
// shows as ⟦key⟧, which tests look for, instead of silently as English.
func tr(lang, key string, args ...any) string {
	s, ok := texts[lang][key]
	if !ok {
		return "⟦" + key + "⟧"
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
