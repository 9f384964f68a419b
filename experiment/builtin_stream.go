package experiment

import (
	"fmt"
	"math/rand/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// NewBuiltin is Load(src) followed by New(d, cfg) for the built-in shop,
// without ever holding the shop's table: the population is drawn once for
// its labels (data.ShopOutline), split, and drawn again straight into the
// matrices of the parts (data.FillShopRows), where the preprocessing is
// fitted and applied in place. The matrices, split, pipeline and network
// are New's, bit for bit (the shop's ids are distinct, so New drops no
// duplicate rows either); the returned Data's table holds no cells, as
// after ReleaseTableCells. src must be the built-in shop without excluded
// columns. before, if not nil, sees the Data once the labels are drawn and
// before the matrices are allocated; an error from it is returned as is.
func NewBuiltin(src Source, cfg Config, before func(*Data) error) (*Data, *Experiment, error) {
	if (src.Kind != "builtin" && src.Kind != "") || len(src.Exclude) > 0 {
		return nil, nil, fmt.Errorf("%w: kind %q with %d excluded columns: NewBuiltin draws the built-in shop as it is",
			ErrSource, src.Kind, len(src.Exclude))
	}
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	src.Kind = "builtin"
	shop, err := data.ShopOutline(src.usersOrDefault(), src.DataSeed)
	if err != nil {
		return nil, nil, err
	}
	d := &Data{Source: src, Table: shop.Table, TrueProb: shop.TrueProb}
	if before != nil {
		if err := before(d); err != nil {
			return nil, nil, err
		}
	}
	pcg := rand.NewPCG(cfg.Seed, 0x7e7a1)
	split, err := data.StratifiedSplit(d.Table.Label.Values, cfg.ValFrac, cfg.TestFrac, rand.New(pcg))
	if err != nil {
		return nil, nil, err
	}
	if err := checkTrainRows(d, cfg, split); err != nil {
		return nil, nil, err
	}
	calibRows, calibNote, err := carveIfAsked(d, &cfg, &split)
	if err != nil {
		return nil, nil, err
	}
	parts := [][]int{calibRows, split.Train, split.Validation, split.Test}
	x, err := drawParts(src, len(d.Table.Features()), parts)
	if err != nil {
		return nil, nil, err
	}
	pipe, err := data.FitPipelineRaw(d.Table, x[1], split.Train, cfg.Pipeline)
	if err != nil {
		return nil, nil, err
	}
	if cfg.L2Prior > 0 {
		cfg.Train.L2 = PriorDecay(InputPrior(cfg.L2Prior, pipe.Width(), len(pipe.FitRows)), len(pipe.FitRows))
	}
	e := &Experiment{Data: d, Config: cfg, Split: split, Pipeline: pipe, TrainRows: pipe.FitRows, CalibRows: calibRows,
		CalibNote: calibNote, calib: &calibCache{}}
	sets := []*engine.Dataset{&e.Calib, &e.Train, &e.Val, &e.Test}
	for k, rows := range parts {
		if err := pipe.TransformRaw(x[k]); err != nil {
			return nil, nil, err
		}
		if *sets[k], err = datasetOfRaw(d.Table, x[k], rows); err != nil {
			return nil, nil, err
		}
	}
	return d, e, e.start(pcg)
}

// drawParts draws the shop's features into one row-major matrix per part,
// row i of part k holding the cells of table row parts[k][i], all cut from
// one allocation.
func drawParts(src Source, width int, parts [][]int) ([][]float64, error) {
	users, total := src.usersOrDefault(), 0
	for _, rows := range parts {
		total += len(rows)
	}
	at := make([]int32, users) // table row → row of buf, -1 in no part
	for i := range at {
		at[i] = -1
	}
	buf := make([]float64, total*width)
	x, next := make([][]float64, len(parts)), 0
	for k, rows := range parts {
		x[k] = buf[next*width : (next+len(rows))*width : (next+len(rows))*width]
		for _, r := range rows {
			at[r] = int32(next)
			next++
		}
	}
	err := data.FillShopRows(users, src.DataSeed, func(i int) []float64 {
		if at[i] < 0 {
			return nil
		}
		g := int(at[i]) * width
		return buf[g : g+width]
	})
	return x, err
}

// datasetOfRaw is datasetOf for prepared rows already in x.
func datasetOfRaw(t *data.Table, x []float64, rows []int) (engine.Dataset, error) {
	if len(rows) == 0 {
		return engine.Dataset{}, nil
	}
	y := make([]float64, len(rows))
	for i, r := range rows {
		y[i] = t.Label.Values[r]
	}
	return engine.DatasetFromFlat(x, y, len(rows), len(x)/len(rows), 1)
}
