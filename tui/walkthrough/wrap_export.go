package walkthrough

// WrapText breaks a paragraph into lines of at most width cells as the
// walkthrough does: Latin text at spaces, CJK text between any two
// characters, with the Chinese rules for punctuation at line ends. Other
// screens that print prose in either language use it.
func WrapText(s string, width int) []string { return wrapText(s, width) }
