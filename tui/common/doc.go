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
//
// The language changes while the TUI runs (ctrl+l, KeyMap.Lang): the root
// hands the new one to every screen through Screen.Relang, which each
// screen implements with SetLang as it implements Resize with SetSize. A
// screen's SetLang calls Common.SetLang, takes its keys' help from a key
// map built afresh (Relabel, which keeps each key's enabled state) and its
// charts' wording from charts built afresh, and draws its view again. So
// that nothing it keeps stays in the old language, a screen keeps no text
// it worded for later: it words it at render time, or keeps it as a Said
// in both languages (s.say(func(s Model) string { … }), common.Say), or
// keeps what it came from (an error) and words it at render time.
package common
