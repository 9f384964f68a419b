package data

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Names of the truth columns a shop with planted abusers carries. They are
// the answer, not behaviour: a model of the users must leave them out.
const (
	// AbuserColumnName is the planted flag: 1 for an abuser, 0 otherwise.
	AbuserColumnName = "abuser"
	// ArchetypeColumnName names each user's kind of abuse ("normal" for the
	// others).
	ArchetypeColumnName = "abuser_archetype"
	// NormalArchetype is the archetype of a user who is not an abuser.
	NormalArchetype = "normal"
)

// The planted archetypes, in the order they are drawn.
const (
	ArchetypeClickFarm   = "click_farm"
	ArchetypeFakeOrders  = "fake_orders"
	ArchetypeCouponAbuse = "coupon_abuse"
)

// Archetypes lists the planted archetypes.
func Archetypes() []string {
	return []string{ArchetypeClickFarm, ArchetypeFakeOrders, ArchetypeCouponAbuse}
}

// abuserStream offsets the PCG stream of the planted abusers from the
// normal users' block streams, so planting changes no normal user.
const abuserStream = 0xab05e << 32

// GenerateShopWithAbusers draws the population of GenerateShop and then
// replaces a share of its users, chosen independently per user with
// probability share, by planted abusers of three archetypes (a third
// each):
//
//	click_farm    very many sessions and pages per session, no cart adds,
//	              no order in 90 days (one small one before), a visit today
//	              or yesterday
//	fake_orders   many orders of near-identical small value, few short
//	              sessions, no cart adds, a high return share, a recent account
//	coupon_abuse  a coupon on most of many small orders, few sessions, a
//	              new account
//
// Each combination is one the normal generator does not produce: its heavy
// browsers add to the cart and buy, and its many orders come with many
// sessions. Yet on every single column at least one normal user in 500
// lies at or beyond each archetype's median (more than half an archetype at
// 1 % planted): no one-column rule finds them, only the combination does. The table gains
// the columns abuser (0/1) and abuser_archetype, which are the truth, not
// features. Share 0 returns GenerateShop's population with the two columns
// all normal. The choice and the abusers' features come from their own
// streams keyed by (seed, block), so the normal users are GenerateShop's
// exactly and the result does not depend on the number of goroutines.
func GenerateShopWithAbusers(users int, seed uint64, share float64) (*Shop, error) {
	if !(share >= 0 && share <= 1) {
		return nil, fmt.Errorf("%w: abuser share %v (want 0..1)", ErrShopSize, share)
	}
	shop, err := GenerateShop(users, seed)
	if err != nil {
		return nil, err
	}
	tab := shop.Table
	flag := make([]float64, users)
	kind := make([]string, users)
	names := Archetypes()
	for start := 0; start < users; start += shopBlock {
		end := min(start+shopBlock, users)
		rng := rand.New(rand.NewPCG(seed, abuserStream+uint64(start/shopBlock)))
		var x [numShopFeatures]float64
		for i := start; i < end; i++ {
			kind[i] = NormalArchetype
			if rng.Float64() >= share {
				continue
			}
			a := rng.IntN(len(names))
			drawAbuser(rng, a, &x)
			for j := range x {
				tab.Columns[1+j].Values[i] = x[j]
			}
			flag[i], kind[i] = 1, names[a]
			shop.TrueProb[i] = ShopProbability(x[:])
			tab.Label.Values[i] = 0
			if rng.Float64() < shop.TrueProb[i] {
				tab.Label.Values[i] = 1
			}
		}
	}
	flagCol := NewNumericColumn(AbuserColumnName, flag)
	flagCol.Kind, flagCol.Levels = Boolean, []string{"0", "1"}
	kindCol := &Column{Name: ArchetypeColumnName, Kind: Categorical, Strings: kind,
		Levels: append([]string{NormalArchetype}, names...)}
	tab.Columns = append(tab.Columns, flagCol, kindCol)
	return shop, nil
}

// drawAbuser fills x with one abuser of archetype a (an index into
// Archetypes); the draw order is part of the data set's definition.
func drawAbuser(r *rand.Rand, a int, x *[numShopFeatures]float64) {
	var sessions, pages, carts, visit, orders, lastOrder, aov, coupon, returns, tenure float64
	switch a {
	case 0: // click farm: heavy browsing, no cart adds, one old small order
		tenure = min(1825, 150+math.Floor(300*r.ExpFloat64()))
		sessions = 18 + poissonDraw(r, 10)
		pages = roundTo(8+2.5*r.Float64(), 1)
		visit = float64(r.IntN(2))
		lastOrder = 90 + float64(r.IntN(int(tenure)-89))
		aov = roundTo(math.Exp(2.5+0.3*r.NormFloat64()), 2)
	case 1: // fake orders: many near-identical small orders, short visits
		tenure = 20 + float64(r.IntN(60))
		sessions = 1 + poissonDraw(r, 1.5)
		pages = roundTo(1.2+0.6*r.Float64(), 1)
		orders = 8 + poissonDraw(r, 6)
		visit = float64(r.IntN(3))
		lastOrder = visit + float64(r.IntN(2))
		aov = roundTo(math.Exp(2.7+0.03*r.NormFloat64()), 2)
		coupon = roundTo(math.Pow(1-math.Pow(1-r.Float64(), 1/2.5), 1/0.8), 2)
		returns = binomialDraw(r, orders, 0.35)
	default: // coupon abuse: a coupon on nearly every order of a new account
		tenure = 20 + float64(r.IntN(60))
		sessions = 1 + poissonDraw(r, 1.5)
		pages = roundTo(1+math.Exp(1.0+0.45*r.NormFloat64()), 1)
		orders = 6 + poissonDraw(r, 4)
		visit = float64(r.IntN(10))
		lastOrder = visit + float64(r.IntN(3))
		aov = roundTo(math.Exp(2.4+0.1*r.NormFloat64()), 2)
		coupon = roundTo(0.7+0.2*r.Float64(), 2)
		returns = binomialDraw(r, orders, 0.05)
	}
	*x = [numShopFeatures]float64{
		shopSessions: sessions, shopPagesPerSession: pages, shopCartAdds: carts,
		shopOrders90: orders, shopDaysSinceVisit: visit, shopDaysSinceOrder: lastOrder,
		shopAvgOrderValue: aov, shopCouponShare: coupon, shopReturns90: returns,
		shopTenure: tenure,
	}
}

// binomialDraw counts successes of n trials of probability p.
func binomialDraw(r *rand.Rand, n, p float64) float64 {
	k := 0.0
	for range int(n) {
		if r.Float64() < p {
			k++
		}
	}
	return k
}
