// Package common is the context every screen of the TUI shares, as
// soft-serve's ui/common is: the Common value each screen embeds (its size,
// the house Styles, the global KeyMap, the language, the loaded data and
// the analysed Run), the Screen interface the root router drives, the
// messages that cross screens (AnalyseRunMsg), and the formatting helpers
// two screens would otherwise both write (Thousands, Percent, Truncate,
// Pad, JoinColumns, …). Screen packages import common, never each other.
//
// # Language
//
// Common.Lang is "en" or "zh". The root sets it from Options.Lang, which
// the CLI fills from --lang or else the locale (walkthrough.DetectLang);
// New normalises it, so "zh_CN.UTF-8" means Chinese and anything unknown
// English. A screen writes every user-visible string through its embedded
// context:
//
//	s.T("No ended run yet.", "还没有结束的训练。")
//	s.Tf("%d runs", "%d 次训练", n)
//
// T returns the Chinese text when the language is zh and the Chinese text
// is not empty, else the English one, so a screen can be translated one
// string at a time. Tf does the same for fmt formats; use explicit
// argument indexes (%[2]d) when the Chinese word order differs. Widths are
// measured in cells (ansi.StringWidth, lipgloss.Width), so CJK characters
// count two; never use len for layout. Package tui/screentest renders a
// screen in either language at any size for golden tests.
package common
