package experiment

// RiskBand groups users by their probability of the risk class (the class
// a retention team acts on).
type RiskBand int

// The risk bands, lowest first.
const (
	RiskLow    RiskBand = iota // below 1/3
	RiskMedium                 // from 1/3 to below 2/3
	RiskHigh                   // from 2/3
)

// RiskBandOf places a probability of the risk class in its band: high from
// 2/3, medium from 1/3, low below (and for NaN).
func RiskBandOf(p float64) RiskBand {
	switch {
	case p >= 2.0/3:
		return RiskHigh
	case p >= 1.0/3:
		return RiskMedium
	}
	return RiskLow
}
