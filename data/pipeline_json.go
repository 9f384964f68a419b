package data

import (
	"encoding/json"
	"fmt"
)

// MarshalJSON writes the column, a count of 1 to MinGroup−1 missing
// training cells as "missing_few" instead of the number (see Missing).
func (pc PipelineColumn) MarshalJSON() ([]byte, error) {
	type plain PipelineColumn // without this method
	if pc.Missing > 0 && pc.Missing < MinGroup {
		pc.Missing, pc.FewMissing = 0, true
	}
	return json.Marshal(plain(pc))
}

// MarshalText writes the kind's name, so saved pipelines stay readable.
func (k Kind) MarshalText() ([]byte, error) {
	if k < Numeric || k > Constant {
		return nil, fmt.Errorf("cannot encode %v", k)
	}
	return []byte(k.String()), nil
}

// UnmarshalText parses a kind name written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	for c := Numeric; c <= Constant; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("unknown column kind %q", b)
}

var imputationNames = []string{"median", "mean"}

// String returns "median" or "mean".
func (m Imputation) String() string { return enumName(imputationNames, int(m), "Imputation") }

// MarshalText writes the strategy's name.
func (m Imputation) MarshalText() ([]byte, error) {
	return enumMarshal(imputationNames, int(m), "imputation")
}

// UnmarshalText parses a name written by MarshalText.
func (m *Imputation) UnmarshalText(b []byte) error {
	return enumUnmarshal(imputationNames, b, (*int)(m), "imputation")
}

var scalingNames = []string{"minmax", "zscore", "none", "robust"}

// String returns "minmax", "zscore", "none" or "robust".
func (s Scaling) String() string { return enumName(scalingNames, int(s), "Scaling") }

// MarshalText writes the scaling's name.
func (s Scaling) MarshalText() ([]byte, error) { return enumMarshal(scalingNames, int(s), "scaling") }

// UnmarshalText parses a name written by MarshalText.
func (s *Scaling) UnmarshalText(b []byte) error {
	return enumUnmarshal(scalingNames, b, (*int)(s), "scaling")
}

func enumName(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

func enumMarshal(names []string, v int, what string) ([]byte, error) {
	if v < 0 || v >= len(names) {
		return nil, fmt.Errorf("cannot encode %s %d", what, v)
	}
	return []byte(names[v]), nil
}

func enumUnmarshal(names []string, b []byte, dst *int, what string) error {
	for i, n := range names {
		if n == string(b) {
			*dst = i
			return nil
		}
	}
	return fmt.Errorf("unknown %s %q", what, b)
}
