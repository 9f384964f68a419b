package walkthrough

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// numberRE is one printed number: a true minus, digits, decimals, an
// exponent (2.73112e−06).
var numberRE = regexp.MustCompile(`^−?\d+(\.\d+)?(e[−+]\d+)?$`)

// arithmeticRE is a line segment made only of printed numbers and the
// operators the pages use between them.
var arithmeticRE = regexp.MustCompile(`^[\d.e+−×·/() ]+$`)

// parseShown reads a printed number and the unit of its last digit (how
// far the printed value may be from the value it rounds).
func parseShown(s string) (v, unit float64, ok bool) {
	s = strings.TrimSpace(s)
	if !numberRE.MatchString(s) {
		return 0, 0, false
	}
	plain := strings.ReplaceAll(s, "−", "-")
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil {
		return 0, 0, false
	}
	mant, exp, _ := strings.Cut(plain, "e")
	e := 0
	if exp != "" {
		e, _ = strconv.Atoi(exp)
	}
	decimals := 0
	if _, frac, found := strings.Cut(mant, "."); found {
		decimals = len(frac)
	}
	return v, math.Pow(10, float64(e-decimals)), true
}

// evalArithmetic works out a segment like "0.9 × (−0.0523) + 0.1 × 2":
// × · and / before + and −, left to right, parentheses only around one
// negative number. ok is false for anything else.
func evalArithmetic(s string) (float64, bool) {
	if !arithmeticRE.MatchString(s) || !strings.ContainsAny(s, "×·/+") && !strings.Contains(s, " − ") {
		return 0, false
	}
	fields := strings.Fields(strings.ReplaceAll(s, "·", " × "))
	sum, sign, term, op := 0.0, 1.0, 0.0, ""
	for n, f := range fields {
		if n%2 == 1 {
			switch f {
			case "×", "/":
				op = f
				continue
			case "+", "−":
				sum += sign * term
				sign, op = 1, ""
				if f == "−" {
					sign = -1
				}
				continue
			}
			return 0, false
		}
		v, _, ok := parseShown(strings.TrimSuffix(strings.TrimPrefix(f, "("), ")"))
		if !ok {
			return 0, false
		}
		switch op {
		case "×":
			term *= v
		case "/":
			term /= v
		default:
			term = v
		}
	}
	if len(fields)%2 == 0 {
		return 0, false
	}
	return sum + sign*term, true
}

// checkArithmetic fails for every line of lines whose arithmetic, redone
// from the numbers the line shows, does not give the result it shows
// within one unit of that result's last digit, or 0.01 % of it (the
// rounding of operands printed to six digits). A "= result" line on its
// own finishes the line above it.
func checkArithmetic(t *testing.T, where string, lines []string) (checked int) {
	t.Helper()
	var joined []string
	for _, l := range lines {
		l = strings.TrimSpace(ansi.Strip(l))
		if rest, ok := strings.CutPrefix(l, "= "); ok && len(joined) > 0 {
			if _, _, num := parseShown(rest); num && strings.Count(l, "=") == 1 {
				joined[len(joined)-1] += " " + l
				continue
			}
		}
		joined = append(joined, l)
	}
	for _, l := range joined {
		parts := strings.Split(l, "=")
		for n := 1; n+1 < len(parts); n++ {
			got, ok := evalArithmetic(strings.TrimSpace(parts[n]))
			if !ok {
				continue
			}
			want, unit, ok := parseShown(strings.Fields(parts[n+1] + " x")[0])
			if !ok {
				continue
			}
			checked++
			if d := math.Abs(got - want); d > unit && d > 1e-4*math.Abs(want) {
				t.Errorf("%s: %q: redone by hand %s gives %.10g, the page shows %g", where, l, strings.TrimSpace(parts[n]), got, want)
			}
		}
	}
	return checked
}

// TestShownArithmeticReproduces: every line of the walkthrough that works
// out a number from printed numbers (0.9 × m + 0.1 × g = m′, m / (1 − β₁ᵗ)
// = m̂, the L2 penalty, a clipped g …) gives its printed result back when
// a student redoes it from the printed operands. Adam's m line cancels
// (β₁·m and (1 − β₁)·g of opposite signs), where four digits of g were 2 %
// off (review r25 #2).
func TestShownArithmeticReproduces(t *testing.T) {
	cases := map[string]func(*experiment.Config){
		"default":  nil,
		"weighted": func(c *experiment.Config) { c.Train.PosWeight = 3 },
		"clipped":  func(c *experiment.Config) { c.Train.ClipNorm = 0.01 },
	}
	for name, edit := range cases {
		exp := fixtureExperiment(t)
		if edit != nil {
			exp = fixtureWith(t, edit)
		}
		in, err := NewInput(exp, fixtureRow(exp))
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range Languages {
			m := New(in, lang, DefaultStyles())
			checked := 0
			for n, s := range m.steps {
				p := m.renderer(200).render(s)
				checked += checkArithmetic(t, name+" "+lang+" step "+strconv.Itoa(n+1), p.body)
			}
			t.Logf("%s %s: %d lines checked", name, lang, checked)
			if checked < 5 {
				t.Errorf("%s %s: only %d lines checked; the parser no longer reads the pages", name, lang, checked)
			}
		}
	}
}
