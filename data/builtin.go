package data

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
)

// Sizes and seeds of the built-in data set.
const (
	// DefaultShopUsers is the size of the data set `go run .` trains on.
	DefaultShopUsers = 5000
	// DefaultShopSeed seeds the default data set.
	DefaultShopSeed uint64 = 20260527
	// TextbookShopUsers is the size of the textbook case: 100 users, ten
	// behaviour features, "will the user buy in the next 30 days?".
	TextbookShopUsers = 100
	// TextbookShopSeed seeds the textbook case.
	TextbookShopSeed uint64 = 100
	// MaxShopUsers bounds the size so a typo cannot exhaust memory
	// (about 140 bytes per user).
	MaxShopUsers = 50_000_000
	// ShopLabelName is the name of the built-in data set's label.
	ShopLabelName = "purchases_next_30d"
	// ShopIDName is the name of the built-in data set's user id column.
	ShopIDName = "user_id"
)

// The feature columns, in table order; ShopProbability takes them in this order.
const (
	shopSessions = iota
	shopPagesPerSession
	shopCartAdds
	shopOrders90
	shopDaysSinceVisit
	shopDaysSinceOrder
	shopAvgOrderValue
	shopCouponShare
	shopReturns90
	shopTenure
	numShopFeatures
)

var shopFeatureNames = [numShopFeatures]string{
	"sessions_30d", "pages_per_session", "cart_adds_30d", "orders_90d",
	"days_since_last_visit", "days_since_last_order", "avg_order_value",
	"coupon_share", "returns_90d", "tenure_days",
}

// ErrShopSize reports a requested population size outside 1..MaxShopUsers.
var ErrShopSize = errors.New("synthetic population size out of range")

const shopBlock = 1 << 14

// ShopFeatureNames returns the names of the ten feature columns of the
// built-in data set, in table order.
func ShopFeatureNames() []string { return append([]string(nil), shopFeatureNames[:]...) }

// Shop is a generated synthetic population: the table to train on and the
// true purchase probability of every row.
type Shop struct {
	// Table holds the id column, the ten features and the label
	// (purchases_next_30d, positive class "yes").
	Table *Table
	// TrueProb is P(label = 1 | features) of each row, from ShopProbability.
	TrueProb []float64
	// Seed is the seed the population was drawn with.
	Seed uint64
}

// GenerateShop draws a synthetic e-commerce population of the given size,
// deterministically from seed: one row per user, ten behaviour features a
// shop really records, and the label "buys within the next 30 days" (see
// Shop). Every user is drawn independently from latent traits that are never
// shown (activity, purchase intent, whether they lapsed) so that the observed features are correlated the way real ones are: active
// users have more sessions, more cart adds and more orders, and visit more
// recently. The label is then drawn from ShopProbability, a known function of
// the ten observed features, so the best any model can do (the Bayes limit) is
// computable (see BayesLimit).
//
// Generative model of one user (N is a standard normal, U a uniform on (0,1),
// E a standard exponential, all from the user's block stream):
//
//	tenure_days           = min(1825, 1 + ⌊400·E⌋)                      sign-up age
//	activity              = exp(0.9 + 0.9·N), times 0.05 with prob. 0.2   (lapsed users)
//	intent                = exp(0.6·N)
//	sessions_30d          ~ Poisson(activity); at least 1 when tenure ≤ 30 (sign-up is a visit)
//	pages_per_session     = 0 without sessions, else 1 + exp(1.0 + 0.45·N) to 0.1
//	cart_adds_30d         ~ Poisson(0.06 · sessions · pages · intent)
//	days_since_last_visit = ⌊min(30, tenure)·(1 − U^(1/sessions))⌋ (the latest of
//	                        `sessions` uniform visits), else min(tenure, 30 + ⌊45·E⌋)
//	orders_90d            ~ Poisson(0.25·activity·intent + 0.5·cart_adds), 0 when the
//	                        last visit is older than the 90-day window (or the tenure)
//	days_since_last_order = the latest of orders_90d uniform orders between the last
//	                        visit and the window's start; without recent orders, a
//	                        uniform day between max(90, last visit) and tenure for
//	                        earlier buyers (prob. 1 − exp(−tenure/500)), and tenure
//	                        itself for users who never ordered
//	avg_order_value       = exp(3.6 + 0.6·N) to the cent for buyers, else 0
//	coupon_share          = Kumaraswamy(0.8, 2.5) to 0.01 for buyers, else 0
//	returns_90d           ~ Binomial(orders_90d, min(0.9, 0.12·exp(0.8·N)))
//
// Poisson draws use inversion below a mean of 30 and a rounded normal
// approximation above it. Users are generated in blocks of 16,384 users,
// each from its own PCG stream keyed by (seed, block index), so the data are
// identical whatever the number of goroutines, and the first n users of a
// larger population equal the population of n users with the same seed.
func GenerateShop(users int, seed uint64) (*Shop, error) {
	if users < 1 || users > MaxShopUsers {
		return nil, fmt.Errorf("%w: %d users (want 1..%d)", ErrShopSize, users, MaxShopUsers)
	}
	var cols [numShopFeatures][]float64
	for j := range cols {
		cols[j] = make([]float64, users)
	}
	label := make([]float64, users)
	prob := make([]float64, users)
	eachShopUser(users, seed, func(i int, x *[numShopFeatures]float64, p, y float64) {
		for j := range x {
			cols[j][i] = x[j]
		}
		prob[i], label[i] = p, y
	})
	columns := make([]*Column, 0, numShopFeatures+1)
	columns = append(columns, NewIDColumn(ShopIDName, shopIDs(users)))
	for j, name := range shopFeatureNames {
		columns = append(columns, &Column{Name: name, Kind: Numeric, Values: cols[j]})
	}
	tab, err := NewTable("built-in shop", columns, Label{Name: ShopLabelName, Values: label, Positive: "yes", Negative: "no"})
	if err != nil {
		return nil, err
	}
	return &Shop{Table: tab, TrueProb: prob, Seed: seed}, nil
}

// eachShopUser draws the users of GenerateShop(users, seed) and calls fn
// with each user's row index, features, true probability and 0/1 label.
// Blocks of shopBlock users are drawn concurrently, so fn is called from
// several goroutines at once, each time for a different row.
func eachShopUser(users int, seed uint64, fn func(i int, x *[numShopFeatures]float64, prob, label float64)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for start := 0; start < users; start += shopBlock {
		end := min(start+shopBlock, users)
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			rng := rand.New(rand.NewPCG(seed, uint64(start/shopBlock)))
			var x [numShopFeatures]float64
			for i := start; i < end; i++ {
				drawShopUser(rng, &x)
				p, y := ShopProbability(x[:]), 0.0
				if rng.Float64() < p {
					y = 1
				}
				fn(i, &x, p, y)
			}
		}()
	}
	wg.Wait()
}

// DefaultShop returns the default built-in data set (DefaultShopUsers users).
func DefaultShop() *Shop { return mustShop(DefaultShopUsers, DefaultShopSeed) }

// TextbookShop returns the textbook case of 100 users.
func TextbookShop() *Shop { return mustShop(TextbookShopUsers, TextbookShopSeed) }

func mustShop(users int, seed uint64) *Shop {
	s, err := GenerateShop(users, seed)
	if err != nil {
		panic(err) // the sizes are constants in range
	}
	return s
}

// shopIDs returns "U000001", "U000002", … sharing one backing string, so a
// million ids cost one allocation plus their string headers.
func shopIDs(n int) []string {
	width := max(6, len(strconv.Itoa(n)))
	var b strings.Builder
	b.Grow(n * (width + 1))
	var digits [24]byte
	for i := 1; i <= n; i++ {
		b.WriteByte('U')
		d := strconv.AppendInt(digits[:0], int64(i), 10)
		for range width - len(d) {
			b.WriteByte('0')
		}
		b.Write(d)
	}
	all := b.String()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = all[i*(width+1) : (i+1)*(width+1)]
	}
	return ids
}

// drawShopUser fills x with one user's features; the draw order is part of
// the data set's definition (changing it changes every population).
func drawShopUser(r *rand.Rand, x *[numShopFeatures]float64) {
	tenure := min(1825, 1+math.Floor(400*r.ExpFloat64()))
	activity := math.Exp(0.9 + 0.9*r.NormFloat64())
	if r.Float64() < 0.2 {
		activity *= 0.05
	}
	intent := math.Exp(0.6 * r.NormFloat64())

	sessions := poissonDraw(r, activity)
	if tenure <= 30 && sessions == 0 {
		sessions = 1
	}
	pages := 0.0
	if sessions > 0 {
		pages = roundTo(1+math.Exp(1.0+0.45*r.NormFloat64()), 1)
	}
	carts := poissonDraw(r, 0.06*sessions*pages*intent)

	var visit float64
	if sessions > 0 {
		visit = math.Floor(min(30, tenure) * (1 - math.Pow(r.Float64(), 1/sessions)))
	} else {
		visit = min(tenure, 30+math.Floor(45*r.ExpFloat64()))
	}

	window := min(90, tenure)
	orders := poissonDraw(r, 0.25*activity*intent+0.5*carts)
	if visit >= window {
		orders = 0
	}
	lastOrder := tenure
	everBought := orders > 0
	if orders > 0 {
		lastOrder = visit + math.Floor((window-visit)*(1-math.Pow(r.Float64(), 1/orders)))
	} else if tenure > 90 && r.Float64() < 1-math.Exp(-tenure/500) {
		lo := max(visit, 90)
		lastOrder = lo + math.Floor(r.Float64()*(tenure-lo+1))
		everBought = true
	}

	aov, coupon := 0.0, 0.0
	if everBought {
		aov = roundTo(math.Exp(3.6+0.6*r.NormFloat64()), 2)
		coupon = roundTo(math.Pow(1-math.Pow(1-r.Float64(), 1/2.5), 1/0.8), 2)
	}
	returnRate := min(0.9, 0.12*math.Exp(0.8*r.NormFloat64()))
	returns := 0.0
	for range int(orders) {
		if r.Float64() < returnRate {
			returns++
		}
	}

	*x = [numShopFeatures]float64{
		shopSessions: sessions, shopPagesPerSession: pages, shopCartAdds: carts,
		shopOrders90: orders, shopDaysSinceVisit: visit, shopDaysSinceOrder: lastOrder,
		shopAvgOrderValue: aov, shopCouponShare: coupon, shopReturns90: returns,
		shopTenure: tenure,
	}
}

// poissonDraw draws a Poisson count by inversion (one uniform) for small means
// and by a rounded normal approximation for large ones, where inversion
// would loop for long.
func poissonDraw(r *rand.Rand, mean float64) float64 {
	if mean <= 0 {
		return 0
	}
	if mean >= 30 {
		return max(0, math.Round(mean+math.Sqrt(mean)*r.NormFloat64()))
	}
	u := r.Float64()
	p := math.Exp(-mean)
	cdf := p
	k := 0.0
	for u > cdf && p > 0 {
		k++
		p *= mean / k
		cdf += p
	}
	return k
}

// roundTo rounds v to the given number of decimals.
func roundTo(v float64, decimals int) float64 {
	scale := math.Pow(10, float64(decimals))
	return math.Round(v*scale) / scale
}
