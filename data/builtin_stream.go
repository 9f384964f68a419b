package data

import "fmt"

// ShopOutline draws the population GenerateShop(users, seed) draws but
// keeps only what splitting it needs: a table with the same columns, rows
// and label whose columns hold no cells (their names, kinds and counts of
// missing cells only), and the true probabilities. FillShopRows draws the
// features again, straight into the caller's matrices; together they
// prepare a large population without ever holding its table.
func ShopOutline(users int, seed uint64) (*Shop, error) {
	if users < 1 || users > MaxShopUsers {
		return nil, fmt.Errorf("%w: %d users (want 1..%d)", ErrShopSize, users, MaxShopUsers)
	}
	label := make([]float64, users)
	prob := make([]float64, users)
	eachShopUser(users, seed, func(i int, _ *[numShopFeatures]float64, p, y float64) {
		prob[i], label[i] = p, y
	})
	columns := make([]*Column, 0, numShopFeatures+1)
	// Every id is a distinct, non-empty "U…" number (see shopIDs).
	columns = append(columns, &Column{Name: ShopIDName, Kind: ID})
	for _, name := range shopFeatureNames {
		columns = append(columns, &Column{Name: name, Kind: Numeric})
	}
	tab := &Table{Source: "built-in shop", Columns: columns, IDColumn: 0, Rows: users,
		Label: Label{Name: ShopLabelName, Values: label, Positive: "yes", Negative: "no"}}
	return &Shop{Table: tab, TrueProb: prob, Seed: seed}, nil
}

// FillShopRows draws the population GenerateShop(users, seed) draws again
// and copies the ten features of user i, in ShopFeatureNames order, into
// row(i) (a nil row skips the user). row is called from several goroutines
// at once, each time for a different user, and the rows it returns must
// not overlap.
func FillShopRows(users int, seed uint64, row func(i int) []float64) error {
	if users < 1 || users > MaxShopUsers {
		return fmt.Errorf("%w: %d users (want 1..%d)", ErrShopSize, users, MaxShopUsers)
	}
	eachShopUser(users, seed, func(i int, x *[numShopFeatures]float64, _, _ float64) {
		if dst := row(i); dst != nil {
			copy(dst, x[:])
		}
	})
	return nil
}
