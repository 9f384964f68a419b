package metrics

import (
	"math"
	"testing"
)

// splitMix64 is the generator of the large fixture, mirrored line by line by
// SplitMix64 in testdata/sklearn_reference.py so both sides see the same
// numbers without storing them.
type splitMix64 uint64

func (s *splitMix64) next() uint64 {
	*s += 0x9E3779B97F4A7C15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// float returns a uniform number in [0, 1) from the top 53 bits.
func (s *splitMix64) float() float64 {
	return float64(s.next()>>11) * (1.0 / (1 << 53))
}

// largeInput returns the seeded fixture: scores on a 0.01 grid (ties
// everywhere), labels positive with probability 0.15 + 0.6·score, weights
// uniform in [0.5, 1.5).
func largeInput(n int, seed uint64) (scores, labels, weights []float64) {
	g := splitMix64(seed)
	for range n {
		score := math.Floor(g.float()*100) / 100
		label := 0.0
		if g.float() < 0.15+0.6*score {
			label = 1
		}
		scores = append(scores, score)
		labels = append(labels, label)
		weights = append(weights, 0.5+g.float())
	}
	return scores, labels, weights
}

// TestLargeInputMatchesScript guards the generator itself: the first rows and
// the number of positives printed by the Python mirror.
func TestLargeInputMatchesScript(t *testing.T) {
	s, y, w := largeInput(2000, 42)
	checkSlice(t, "first scores", s[:5], []float64{0.74, 0.34, 0.21, 0.61, 0.51})
	checkSlice(t, "first labels", y[:5], []float64{1, 1, 0, 1, 0})
	checkSlice(t, "first weights", w[:5], []float64{0.7786011302551387, 1.3682280765465324, 0.8399310389170206, 0.9929891857946924, 1.165159410799701})
	checkNear(t, "positives", sum(y), 872)
}

// largeReference: largeInput(2000, 42) unweighted, scikit-learn 1.2.1 calls
// as for the small fixture. Curves are checked by length and sums.
func largeReference() reference {
	s, y, _ := largeInput(2000, 42)
	return reference{
		name: "large", scores: s, labels: y,
		auc: 0.6965553630685145, ap: 0.6196613964331259,
		logLoss: 0.7115018892051362, brier: 0.2349849,
		accuracy: 0.6445, precision: 0.5800995024875621, recall: 0.6685779816513762, f1: 0.6212040490143846,
		confusion: Confusion{TN: 706, FP: 422, FN: 289, TP: 583},
		bestF1:    OperatingPoint{Threshold: 0.33, Precision: 0.5387509405568096, Recall: 0.8211009174311926, F1: 0.6506133575647433},
		recall80:  OperatingPoint{Threshold: 0.35, Precision: 0.541860465116279, Recall: 0.801605504587156},
		rocLen:    101, rocSums: [3]float64{41.64982269503545, 61.11811926605505, 51.49},
		prLen: 101, prSums: [3]float64{59.46082975523831, 61.11811926605505, 49.49999999999999},
		sklearnCalibObserved: []float64{0.16203703703703703, 0.27860696517412936, 0.25742574257425743, 0.36574074074074076, 0.4263157894736842, 0.49099099099099097, 0.48704663212435234, 0.6421052631578947, 0.6390243902439025, 0.6848484848484848},
		sklearnCalibPr:       []float64{0.04851851851851846, 0.15587064676616924, 0.2568811881188117, 0.3533796296296298, 0.45889473684210486, 0.5566216216216213, 0.6549740932642494, 0.7525263157894736, 0.8542439024390246, 0.9543030303030295},
		sklearnCalibCounts:   []int{216, 201, 202, 216, 190, 222, 193, 190, 205, 165},
		gains: [][5]float64{
			{200.0, 0.89, 135.57142857142856, 0.1554718217562254, 1.5547182175622538},
			{400.0, 0.79, 266.3157894736842, 0.3054080154514727, 1.5270400772573636},
			{600.0, 0.68, 388.30434782608694, 0.4453031511767052, 1.484343837255684},
			{800.0, 0.59, 488.0, 0.5596330275229358, 1.3990825688073394},
			{1000.0, 0.5, 580.6666666666667, 0.665902140672783, 1.331804281345566},
			{1200.0, 0.39, 664.7142857142858, 0.7622870249017039, 1.2704783748361732},
			{1400.0, 0.3, 733.3181818181818, 0.8409612176814011, 1.2013731681162874},
			{1600.0, 0.2, 785.7222222222222, 0.9010575942915392, 1.126321992864424},
			{1800.0, 0.1, 840.6363636363636, 0.9640325271059216, 1.0711472523399128},
			{2000.0, 0.0, 872.0, 1.0, 1.0},
		},
	}
}

// largeWeightedReference: largeInput(2000, 42) with its weights.
func largeWeightedReference() reference {
	s, y, w := largeInput(2000, 42)
	return reference{
		name: "large weighted", scores: s, labels: y, weights: w,
		auc: 0.6990126422690364, ap: 0.620807363597645,
		logLoss: 0.7036605969706949, brier: 0.23417743274464878,
		accuracy: 0.6455205724794086, precision: 0.5782228267365054, recall: 0.6761341764010684, f1: 0.6233571682605035,
		confusion: Confusion{TN: 702.0707176209166, FP: 426.54916883638776, FN: 280.1002476974481, TP: 584.7648516355364},
		bestF1:    OperatingPoint{Threshold: 0.33, Precision: 0.5382744036990819, Recall: 0.8267884223331284, F1: 0.6520418496931044},
		recall80:  OperatingPoint{Threshold: 0.35, Precision: 0.5414089897850048, Recall: 0.8067990370073387},
		rocLen:    101, rocSums: [3]float64{41.787826756866515, 61.532029559063936, 51.49},
		prLen: 101, prSums: [3]float64{59.40215807327918, 61.53202955906392, 49.49999999999999},
		calibration: []CalibrationBin{
			{MeanPredicted: 0.04851446464405219, ObservedRate: 0.15785177956974722, Count: 216},
			{MeanPredicted: 0.15654740878493253, ObservedRate: 0.27735553677681646, Count: 201},
			{MeanPredicted: 0.25744849538646275, ObservedRate: 0.24103605283438875, Count: 202},
			{MeanPredicted: 0.3535592712739155, ObservedRate: 0.3741713205560923, Count: 216},
			{MeanPredicted: 0.45848952515027075, ObservedRate: 0.41798113349909927, Count: 190},
			{MeanPredicted: 0.5575319286620143, ObservedRate: 0.494188479814285, Count: 222},
			{MeanPredicted: 0.6552935820613662, ObservedRate: 0.4807428456095091, Count: 193},
			{MeanPredicted: 0.752591086383569, ObservedRate: 0.6316466704520132, Count: 190},
			{MeanPredicted: 0.8549388163378643, ObservedRate: 0.6302279183510096, Count: 205},
			{MeanPredicted: 0.9541665150967663, ObservedRate: 0.6990349157338142, Count: 165},
		},
		gains: [][5]float64{
			{199.34849857902887, 0.89, 137.50502414507696, 0.15899014106491974, 1.5899014106491973},
			{398.69699715805774, 0.79, 265.8560492478313, 0.3073959736065998, 1.536979868032999},
			{598.0454957370866, 0.69, 387.0729836436776, 0.44755301600469555, 1.4918433866823186},
			{797.3939943161155, 0.59, 484.7135030990803, 0.5604498360182522, 1.4011245900456304},
			{996.7424928951443, 0.5, 578.093692049821, 0.6684206502212521, 1.3368413004425042},
			{1196.0909914741733, 0.39, 661.37658020761, 0.7647164635475383, 1.2745274392458972},
			{1395.439490053202, 0.3, 730.7686997002053, 0.8449510799589451, 1.2070729713699218},
			{1594.787988632231, 0.2, 779.9925238020928, 0.9018661111468735, 1.1273326389335918},
			{1794.1364872112597, 0.1, 834.4257508593225, 0.9648045128689579, 1.072005014298842},
			{1993.4849857902886, 0.0, 864.8650993329841, 1.0, 1.0},
		},
	}
}
