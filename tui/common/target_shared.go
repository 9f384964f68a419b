package common

import (
	"fmt"

	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// TargetMsg says the user chose the outcome plans act on (on the Data
// screen's prompt or with TargetKey anywhere). The root forwards it to
// every screen, as it does ThresholdMsg: one target everywhere.
type TargetMsg struct{ Target experiment.Target }

// BandsMsg says the user chose how ranked users are banded (BandsKey on
// Users or Evaluate); the root forwards it to every screen.
type BandsMsg struct{ Scheme experiment.BandScheme }

// TargetFor is the target a screen uses for label l: the one the user
// chose when it is about l, else the guess from the label's name.
func TargetFor(chosen *experiment.Target, l data.LabelSpec) experiment.Target {
	if chosen != nil && chosen.Label == l {
		return *chosen
	}
	return experiment.DefaultTarget(l)
}

// bandCapacities are the contact capacities BandsKey steps through after
// the bands by share.
var bandCapacities = []int{100, 500, 1000}

// NextBandScheme is the scheme BandsKey switches to: by share, then the top
// 100, 500 and 1,000 users, then by share again.
func NextBandScheme(s experiment.BandScheme) experiment.BandScheme {
	for _, c := range bandCapacities {
		if s.Capacity < c {
			return experiment.BandScheme{Capacity: c}
		}
	}
	return experiment.BandScheme{}
}

// TargetKey switches between preventing and encouraging (p on Data,
// Evaluate and Users, where no other key uses it).
func (c Common) TargetKey() key.Binding {
	return key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("prevent ⇄ encourage", "预防 ⇄ 促成")))
}

// BandsKey switches the bands between shares and contact capacities (B on
// Evaluate and Users).
func (c Common) BandsKey() key.Binding {
	return key.NewBinding(key.WithKeys("B"), key.WithHelp("B", c.T("bands: share/capacity", "分档：比例/容量")))
}

// DirectionName is "prevent" or "encourage" in the interface language.
func (c Common) DirectionName(d experiment.Direction) string {
	if d == experiment.Encourage {
		return c.T("encourage", "促成")
	}
	return c.T("prevent", "预防")
}

// TargetLine says what the plan is about: "plan: encourage Revenue = TRUE".
func (c Common) TargetLine(t experiment.Target) string {
	return c.Tf("plan: %s %s", "计划：%s %s", c.DirectionName(t.Direction), t.Outcome())
}

// BandSchemeName says how users are banded: "bands by share" or "top 500".
func (c Common) BandSchemeName(s experiment.BandScheme) string {
	if s.Capacity > 0 {
		return c.Tf("bands: top %s, rest", "分档：前 %s 名、其余", Thousands(s.Capacity))
	}
	return c.T("bands: top 5/10/20/50 %, rest", "分档：前 5/10/20/50 %、其余")
}

// BandSchemeShort names the scheme in a few cells: "5/10/20/50 %" or
// "top 500".
func (c Common) BandSchemeShort(s experiment.BandScheme) string {
	if s.Capacity > 0 {
		return c.Tf("top %s", "前 %s", Thousands(s.Capacity))
	}
	return "5/10/20/50 %"
}

// BandName names band i of b: "top 5 %", "5–10 %", "rest", "top 500".
func (c Common) BandName(b experiment.Banding, i int) string {
	band := b.Bands[i]
	switch {
	case band.Rest:
		return c.T("rest", "其余")
	case b.Scheme.Capacity > 0:
		return c.Tf("top %s", "前 %s", Thousands(b.Scheme.Capacity))
	case i == 0:
		return c.Tf("top %d %%", "前 %d %%", band.UpToPercent)
	}
	return fmt.Sprintf("%d–%d %%", b.Bands[i-1].UpToPercent, band.UpToPercent)
}
