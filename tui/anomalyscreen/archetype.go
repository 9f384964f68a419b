package anomalyscreen

import "github.com/retainlab/retain/data"

// archetypesZh names the built-in shop's abuse archetypes in Chinese: they
// are the app's own codes (data.ArchetypeClickFarm, …), not the user's
// data.
var archetypesZh = map[string]string{
	data.ArchetypeClickFarm:   "刷量",
	data.ArchetypeFakeOrders:  "虚假订单",
	data.ArchetypeCouponAbuse: "滥用优惠券",
}

// archetypeName is an archetype as the screen shows it: in Chinese for
// the built-in ones on the Chinese screen, else as the data has it.
func (s Model) archetypeName(a string) string {
	if zh, ok := archetypesZh[a]; ok && s.Zh() {
		return zh
	}
	return a
}
