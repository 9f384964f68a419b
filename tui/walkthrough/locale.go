package walkthrough

// LocaleVars are the environment variables that name the language of
// messages, in the order POSIX consults them: LC_ALL overrides
// LC_MESSAGES, which overrides LANG.
var LocaleVars = []string{"LC_ALL", "LC_MESSAGES", "LANG"}

// Locale returns the locale the environment asks messages in: the first
// of LC_ALL, LC_MESSAGES and LANG that is set and not empty (getenv reads
// one variable, as os.Getenv does), or "" when none is. Hand the result to
// DetectLang with the --lang flag's value.
func Locale(getenv func(string) string) string {
	for _, name := range LocaleVars {
		if v := getenv(name); v != "" {
			return v
		}
	}
	return ""
}
