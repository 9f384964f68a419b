// Package anomaly scores how abnormal each user of a per-user table is, for
// finding abuse (click farms, fake orders, coupon abuse) that is rarely
// labelled. The score is the reconstruction error of an autoencoder trained
// on the engine (a bottleneck network with linear outputs and a mean squared
// error loss) on the churn model's preprocessed features, each numeric input
// passed through a rank-gauss transform (see InputsRankGauss), and the
// score averages each user's error with its nearest users' (see
// Options.Neighbours: abuse is coordinated, so an abuser's look-alikes are
// reconstructed badly too, an honest rare user's are not); a robust
// baseline (the largest median/MAD z-score over the numeric columns, yes/no
// columns left out) is
// always computed beside it, so the user sees what the network adds. A row
// with a value far outside its column's usual range (see Result.Outside)
// is lifted above every row in range: the networks do not see magnitude.
// Two strongly related numeric columns that disagree (many pages in no
// time) count as one more input (see Result.Joint), and a 0/1 input's rare
// value weighs its rarity on the rank-gauss scale (see binaryWeights).
// When a
// truth column exists, Evaluate measures both.
//
// It depends on engine and data only; the CLI and the TUI format its
// results.
package anomaly
