package common

import "github.com/retainlab/retain/tui/widget"

// BarsText is the wording of a signed bar chart in the interface's
// language.
func (c Common) BarsText() widget.BarsText {
	return widget.BarsText{
		More:        c.T("… %d more with smaller |value|", "… 另有 %d 项，|值| 更小"),
		MoreInOrder: c.T("… %d more", "… 另有 %d 项"),
		NoValues:    c.T("no values", "没有数值"),
		TooSmall:    c.T("enlarge to see the bars", "放大窗口才能看到条形图"),
	}
}

// NewSignedBars returns an empty signed bar chart in the house styles and
// the interface's language.
func (c Common) NewSignedBars() widget.SignedBars {
	return widget.NewSignedBars(c.Styles.Widget, c.BarsText())
}
