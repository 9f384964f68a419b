package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// shopIntercept sets the base rate: about 26 % of users buy within 30 days.
// It is a constant, not solved per population, so a user's true probability
// does not depend on how many other users were generated.
const shopIntercept = -1.3

// ShopProbability returns the true probability that a user with the given
// features (in ShopFeatureNames order) buys within the next 30 days: the
// logistic function of shopIntercept plus
//
//	+1.0·tanh(0.5·ln(1+sessions)·ln(1+pages))         engagement, saturating
//	+2.4·tanh(0.8·cart_adds)·exp(−last_visit/7)        only fresh cart adds count
//	−1.4·tanh(0.3·sessions) when cart_adds = 0         window shoppers
//	+0.2·ln(1+orders_90d)
//	−0.3·ln(1+last_visit)                              lapsing
//	+1.6·exp(−((last_order − 28)/8)²)  for buyers      monthly replenishment is due
//	−6.0·(coupon_share − 0.35)²        for buyers      coupon hunters and full-price buyers
//	+0.3·tanh((ln(avg_order_value) − 3.6)/0.6)  for buyers
//	+1.2·exp(−tenure/30)               for non-buyers  newcomer curiosity
//	−1.5 when returns_90d ≥ half of orders_90d > 0     unhappy returner
//
// (a buyer is a user with avg_order_value > 0). The saturations, the
// products and the bump in last_order are what a linear model cannot fit.
// Trained on the default 5,000 users and scored on 100,000 more (scikit-learn
// 1.2.1): logistic regression reaches 0.82 AUC on z-scored features (0.81 on
// min-max ones), a 64-32 MLP 0.83 (0.83), the true probability 0.85; with
// 20,000 training users the MLP reaches 0.835 and logistic regression stays
// at 0.82. It panics if x does not hold ten values.
func ShopProbability(x []float64) float64 {
	if len(x) != numShopFeatures {
		panic(fmt.Sprintf("data: ShopProbability needs %d features, got %d", numShopFeatures, len(x)))
	}
	sessions, pages, carts := x[shopSessions], x[shopPagesPerSession], x[shopCartAdds]
	orders, visit, lastOrder := x[shopOrders90], x[shopDaysSinceVisit], x[shopDaysSinceOrder]
	aov, coupon, returns, tenure := x[shopAvgOrderValue], x[shopCouponShare], x[shopReturns90], x[shopTenure]
	buyer := aov > 0

	z := shopIntercept
	z += 1.0 * math.Tanh(0.5*math.Log1p(sessions)*math.Log1p(pages))
	z += 2.4 * math.Tanh(0.8*carts) * math.Exp(-visit/7)
	if carts == 0 {
		z -= 1.4 * math.Tanh(0.3*sessions)
	}
	z += 0.2 * math.Log1p(orders)
	z -= 0.3 * math.Log1p(visit)
	if buyer {
		d := (lastOrder - 28) / 8
		z += 1.6 * math.Exp(-d*d)
		z -= 6.0 * (coupon - 0.35) * (coupon - 0.35)
		z += 0.3 * math.Tanh((math.Log(aov)-3.6)/0.6)
	} else {
		z += 1.2 * math.Exp(-tenure/30)
	}
	if orders > 0 && 2*returns >= orders {
		z -= 1.5
	}
	return 1 / (1 + math.Exp(-z))
}

// BayesLimit holds the best figures any model could reach on a data set whose
// true probabilities are known: predicting with the true probability itself.
type BayesLimit struct {
	// Accuracy is the share of rows whose drawn label equals
	// (true probability > 0.5).
	Accuracy float64
	// AUC is the ROC AUC of the true probability against the drawn labels.
	AUC float64
}

// ErrNoScores reports scores and labels that cannot give an AUC: different
// lengths, no rows, or only one class.
var ErrNoScores = errors.New("scores and labels cannot be ranked")

// BayesLimit returns the Bayes-limit figures of the population.
func (s *Shop) BayesLimit() BayesLimit {
	b, err := BayesLimitOf(s.TrueProb, s.Table.Label.Values)
	if err != nil {
		// A population with one class (possible only for a handful of users)
		// has no AUC; its accuracy is still meaningful.
		b.AUC = math.NaN()
	}
	return b
}

// BayesLimitOf returns the Bayes-limit figures for true probabilities prob
// and the 0/1 labels drawn from them.
func BayesLimitOf(prob, labels []float64) (BayesLimit, error) {
	if len(prob) != len(labels) || len(prob) == 0 {
		return BayesLimit{AUC: math.NaN(), Accuracy: math.NaN()},
			fmt.Errorf("%w: %d scores, %d labels", ErrNoScores, len(prob), len(labels))
	}
	correct := 0
	for i, p := range prob {
		if (p > 0.5) == (labels[i] == 1) {
			correct++
		}
	}
	b := BayesLimit{Accuracy: float64(correct) / float64(len(prob))}
	auc, err := exactAUC(prob, labels)
	b.AUC = auc
	return b, err
}

// exactAUC returns the ROC AUC of scores against 0/1 labels: the probability
// that a random positive scores above a random negative, ties counting one
// half. It sorts the two classes' scores and merges them, O(n log n).
func exactAUC(scores, labels []float64) (float64, error) {
	var pos, neg []float64
	for i, s := range scores {
		if labels[i] == 1 {
			pos = append(pos, s)
		} else {
			neg = append(neg, s)
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN(), fmt.Errorf("%w: %d positives, %d negatives", ErrNoScores, len(pos), len(neg))
	}
	slices.Sort(pos)
	slices.Sort(neg)
	var wins float64 // twice the number of (positive, negative) pairs won, ties once
	below, upTo := 0, 0
	for _, s := range pos {
		for below < len(neg) && neg[below] < s {
			below++
		}
		for upTo < len(neg) && neg[upTo] <= s {
			upTo++
		}
		wins += float64(below + upTo)
	}
	return wins / (2 * float64(len(pos)) * float64(len(neg))), nil
}
