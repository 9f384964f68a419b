package scoreapi

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// openAPITemplate is the service's OpenAPI 3 description but for the
// request rows' schema (components.schemas.Row), which openAPIFor fills
// in with the model's columns.
//
//go:embed openapi.json
var openAPITemplate []byte

// OpenAPI returns the OpenAPI 3 description of the service serving m: its
// Row schema lists m's columns, with their types, levels and ranges.
func (m *Model) OpenAPI() []byte { return m.openAPI }

// serveOpenAPI answers with the description of the model being served.
func (s *Server) serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	m := s.model.Load()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Retain-Model", m.ID)
	_, _ = w.Write(m.openAPI)
}

// openAPIFor returns the description of the service serving m.
func openAPIFor(m *Model) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(openAPITemplate, &doc); err != nil {
		return nil, fmt.Errorf("the OpenAPI template: %w", err)
	}
	info, err1 := member(doc, "info")
	components, err2 := member(doc, "components")
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	schemas, err := member(components, "schemas")
	if err != nil {
		return nil, err
	}
	b := m.Bundle
	info["description"] = fmt.Sprint(info["description"]) + fmt.Sprintf(
		" This document describes the model served, %s (the probability that %s is %s); its Row schema lists the "+
			"model's columns, and it changes when the model is reloaded.", m.ID, b.Label.Name, b.Label.Positive)
	schemas["Row"] = rowSchema(b.Pipeline, m.personal)
	return json.MarshalIndent(doc, "", "  ")
}

// member returns the object under key in the template's object o.
func member(o map[string]any, key string) (map[string]any, error) {
	v, ok := o[key].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the OpenAPI template has no object %q", key)
	}
	return v, nil
}

// schema is the part of an OpenAPI 3.0 Schema Object the Row schema uses.
type schema struct {
	Type                 string             `json:"type,omitempty"`
	Format               string             `json:"format,omitempty"`
	Nullable             bool               `json:"nullable,omitempty"`
	Description          string             `json:"description,omitempty"`
	Required             []string           `json:"required,omitempty"`
	Properties           map[string]*schema `json:"properties,omitempty"`
	AdditionalProperties *bool              `json:"additionalProperties,omitempty"`
	// Levels are a categorical column's levels. They are not an enum: a
	// value that is none of them is scored (as the catch-all level, or as
	// none), not refused.
	Levels []string `json:"x-retain-levels,omitempty"`
}

// rowSchema describes one request row for pipeline p: every feature
// column, required, with what it takes; the id, the label and the columns
// the model does not use, optional; nothing else. The levels of a column
// that names people (personal, under --pseudonymise) are not listed.
func rowSchema(p *data.Pipeline, personal *experiment.PersonalValues) *schema {
	closed := false
	row := &schema{Type: "object", AdditionalProperties: &closed, Properties: map[string]*schema{},
		Description: "One user: every feature column of the model, by name; null for an unknown value. The id and " +
			"label columns are optional, and so are the training data's columns the model does not use; any other " +
			"key is an error, and so is a key given twice. A cell scored as other than sent (an unknown level, a value beyond the training " +
			"range) is named in the prediction's warnings."}
	for i := range p.Columns {
		pc := &p.Columns[i]
		row.Required = append(row.Required, pc.Name)
		row.Properties[pc.Name] = columnSchema(pc, personal.Personal(i))
	}
	if p.IDName != "" {
		row.Properties[p.IDName] = &schema{Description: "The row's id, a string or a number: echoed as the prediction's id, trimmed of white space (a blank one is no id); " +
			"under --pseudonymise as its pseudonym, one for every spelling of the customer (\" 17850\", 17850, 17850.0)."}
	}
	row.Properties[p.Label.Name] = &schema{Description: "The label: optional, and ignored."}
	for _, name := range p.Ignored {
		row.Properties[name] = &schema{Description: "A column of the training data that the model does not use: optional, and ignored."}
	}
	return row
}

// columnSchema describes what feature column pc takes. Every column takes
// null: a numeric, date or boolean one imputes it, a categorical one
// scores it as no level. A categorical column whose values name people
// (personal) is described without its levels.
func columnSchema(pc *data.PipelineColumn, personal bool) *schema {
	s := &schema{Nullable: true}
	switch {
	case pc.Kind == data.Categorical:
		s.Type = "string"
		as := "as no level, as null is"
		if pc.Other {
			as = "as the catch-all level " + pc.Levels[len(pc.Levels)-1] + ", which holds the levels rare in training"
		}
		if personal {
			s.Description = fmt.Sprintf("Categorical: text that names people, such as e-mail addresses or phone numbers; "+
				"its levels are not listed, as the service pseudonymises. A value that is none of them, or a number, is "+
				"scored %s, with a warning. null is scored as no level.", as)
			break
		}
		s.Levels = levelsOf(pc)
		if pc.Codes {
			s.Type = "number"
			s.Description = fmt.Sprintf("Categorical codes: one of %s (x-retain-levels), a number each (3.0 is 3). Any other number is "+
				"scored %s, with a warning. null is scored as no level.", strings.Join(s.Levels, ", "), as)
			break
		}
		s.Description = fmt.Sprintf("Categorical: one of %s (x-retain-levels). Any other value, or a number, is "+
			"scored %s, with a warning. null is scored as no level.", strings.Join(quoteAll(s.Levels), ", "), as)
	case pc.Presence():
		s.Type = "boolean"
		present := fmt.Sprintf("the string %q", pc.Levels[1])
		if v, ok := data.DecimalNumber([]byte(pc.Levels[1])); ok {
			present = fmt.Sprintf("%s or the number %s in any form (%s.0 is %s)", present, data.FormatCode(v), data.FormatCode(v), data.FormatCode(v))
		}
		s.Description = fmt.Sprintf("Boolean read from a column of %q or blank: true, or %s, for present; "+
			"false, null or a blank string for blank; the usual spellings (no/yes, 0/1, …) are read too.", pc.Levels[1], present)
	case pc.Kind == data.Boolean:
		s.Type = "boolean"
		spelt := ""
		if len(pc.Levels) == 2 {
			spelt = fmt.Sprintf(" the training spellings %q and %q or", pc.Levels[0], pc.Levels[1])
		}
		s.Description = fmt.Sprintf("Boolean: true or false; a string of%s the usual spellings (no/yes, 0/1, …) "+
			"is read too. null is imputed as %s.", spelt, booleanFill(pc.Fill))
	case pc.Date:
		s.Type, s.Format = "string", "date"
		s.Description = fmt.Sprintf("A date, YYYY-MM-DD%s.%s null is imputed as %s.",
			dateForms(pc.DateOrder), rangeText(pc, data.FormatDay), data.FormatDay(pc.Fill))
	default:
		s.Type = "number"
		whole := ""
		if pc.Whole {
			whole = " (whole numbers in training)"
		}
		s.Description = fmt.Sprintf("A number%s.%s null is imputed as %s.",
			whole, rangeText(pc, data.FormatStatistic), data.FormatStatistic(pc.Fill))
	}
	return s
}

// levelsOf are a categorical column's levels but the catch-all.
func levelsOf(pc *data.PipelineColumn) []string {
	if pc.Other {
		return pc.Levels[:len(pc.Levels)-1]
	}
	return pc.Levels
}

// quoteAll quotes each of ss.
func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// rangeText says a clipped column's training range, in format's words.
func rangeText(pc *data.PipelineColumn, format func(float64) string) string {
	if !pc.Clip {
		return ""
	}
	return fmt.Sprintf(" Training range %s to %s (k-anonymous: the mean of the 10th to 19th smallest and largest "+
		"training values); a value beyond it is scored as the nearer bound, with a warning.", format(pc.Min), format(pc.Max))
}

// dateForms says which other forms a date column reads, by the order its
// training dates written with the year last were read in.
func dateForms(o data.DateOrder) string {
	if w := o.Words(); w != "" {
		return ", or with the year last " + w
	}
	return ""
}

// booleanFill words a boolean column's fill.
func booleanFill(fill float64) string {
	switch fill {
	case 0:
		return "false"
	case 1:
		return "true"
	}
	return fmt.Sprintf("%s (the training share of true)", data.FormatStatistic(fill))
}
