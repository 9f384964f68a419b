package walkthrough

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// longNamesCSV is a small table shaped like the telco and online-shoppers
// sets: long column names, levels with spaces and brackets ("Bank transfer
// (automatic)"), a level that is one long word, long-tailed money columns
// (which get ln(1+v)) and a column with negative values (which does not).
func longNamesCSV() string {
	payment := []string{"Bank transfer (automatic)", "Credit card (automatic)", "Electronic check", "Mailed check"}
	device := []string{"Computer", "Mobile phone", "Tablet"}
	internet := []string{"DSL", "Fiber optic", "No"}
	visitor := []string{"Returning_Visitor", "New_Visitor"}
	var b strings.Builder
	b.WriteString("customerID,tenure,PaymentMethod,DeviceType,InternetService,VisitorType,MonthlyCharges,ProductRelated_Duration,BalanceChange,PaperlessBilling,Churn\n")
	for i := range 60 {
		fmt.Fprintf(&b, "%04d-ABCDE,%d,%s,%s,%s,%s,%.2f,%.1f,%d,%s,%s\n", i, (i*7)%72, payment[i%4], device[(i/2)%3], internet[(i/3)%3], visitor[(i/5)%2],
			20+float64((i*37)%100), float64((i*113)%3000)/7, (i*13)%41-20, []string{"Yes", "No"}[i%2], []string{"No", "Yes", "No"}[i%3])
	}
	return b.String()
}

// longNamesExperiment trains a tiny network on longNamesCSV.
func longNamesExperiment(t testing.TB) *experiment.Experiment {
	t.Helper()
	return longNamesExperimentWith(t, nil)
}

// longNamesExperimentWith is longNamesExperiment with edit applied to its
// configuration before training.
func longNamesExperimentWith(t testing.TB, edit func(*experiment.Config)) *experiment.Experiment {
	t.Helper()
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(longNamesCSV())), nil }
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: "telco_like.csv", Label: "Churn"}, open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 4, Activation: engine.ReLU}}
	cfg.Train.Epochs, cfg.Train.BatchSize, cfg.Train.EarlyStop.Patience = 1, 16, 0
	cfg.Seed = 5
	if edit != nil {
		edit(&cfg)
	}
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return exp
}

// At 80 columns every line of every step fits the panel, so the viewport
// never has to wrap a line itself (which it does mid-word: "Comp" / "uter").
func TestNarrowStepsFitTheWidth(t *testing.T) {
	exp := longNamesExperiment(t)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		m := New(in, lang, DefaultStyles())
		for _, width := range []int{60, 80} {
			for _, s := range m.steps {
				for _, l := range m.renderer(width).render(s).body {
					if w := ansi.StringWidth(l); w > width {
						t.Errorf("%s, step %d at %d columns: a line of %d cells: %q", lang, s.kind, width, w, ansi.Strip(l))
					}
				}
			}
		}
	}
}

// Golden text of the input step at 80 columns on long real-like names, in
// both languages, tall enough to show the whole table.
func TestGoldenLongNames(t *testing.T) {
	exp := longNamesExperiment(t)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		t.Run(lang+"_80x60", func(t *testing.T) {
			m := New(in, lang, DefaultStyles())
			m.SetSize(80, 60)
			for _, p := range []struct {
				name string
				kind stepKind
			}{{"01_raw", stepRaw}, {"02_input", stepInput}, {"03_z1", stepAffine}, {"04_output", stepActivate}} {
				m = goTo(t, m, p.kind, 0)
				if p.kind == stepActivate {
					m = goTo(t, m, stepActivate, 1)
				}
				t.Run(p.name, func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(m.View())) })
			}
		})
	}
}

// Even on the narrowest panel the text handed to the viewport fits its
// width (long lines are word-wrapped first), so the viewport's own soft
// wrap, which cuts words, never applies.
func TestViewportNeverSoftWraps(t *testing.T) {
	for name, exp := range map[string]*experiment.Experiment{"textbook": fixtureExperiment(t), "long names": longNamesExperiment(t)} {
		in, err := NewInput(exp, exp.TrainRows[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range Languages {
			m := New(in, lang, DefaultStyles())
			m.SetSize(minWidth, 300)
			for range m.steps {
				for _, l := range strings.Split(m.vp.GetContent(), "\n") {
					if w := ansi.StringWidth(l); w > m.vp.Width() {
						t.Fatalf("%s, %s, step %d: a line of %d cells in a viewport of %d: %q", name, lang, m.cur+1, w, m.vp.Width(), ansi.Strip(l))
					}
				}
				m = press(m, keyRight)
			}
		}
	}
}

// The screen numbers steps one way only: the header's "step 4 of 15". No
// step carries a second numbering ("§3.2 step 3") in its phase or text.
func TestOneNumberingScheme(t *testing.T) {
	numbering := map[string]*regexp.Regexp{
		"en": regexp.MustCompile(`step \d+`),
		"zh": regexp.MustCompile(`第 ?\d+(/\d+)? ?步`),
	}
	for _, lang := range Languages {
		m, _ := fixtureModel(t, lang, 120, 300)
		for range m.steps {
			view := ansi.Strip(m.View())
			if strings.Contains(view, "§") {
				t.Errorf("%s, step %d: a section number on the screen:\n%s", lang, m.cur+1, view)
			}
			if n := len(numbering[lang].FindAllString(view, -1)); n != 1 {
				t.Errorf("%s, step %d: %d step numbers on the screen, want the header's alone:\n%s", lang, m.cur+1, n, view)
			}
			m = press(m, keyRight)
		}
	}
}

// The reader has never seen the article the walkthrough was modelled on:
// no text refers to it, in either language, and the output step names the
// formula it applies instead.
func TestNoReferenceToAnArticle(t *testing.T) {
	mentions := map[string][]string{"en": {"article"}, "zh": {"文中", "文章", "原文"}}
	for _, lang := range Languages {
		for key, text := range texts[lang] {
			for _, word := range mentions[lang] {
				if strings.Contains(strings.ToLower(text), word) {
					t.Errorf("%s %s refers to an article: %q", lang, key, text)
				}
			}
		}
	}
	want := map[string]string{"en": "the output neuron applies the sigmoid", "zh": "输出神经元把 sigmoid 作用在"}
	for _, lang := range Languages {
		m, _ := fixtureModel(t, lang, 120, 100)
		m = goTo(t, m, stepActivate, m.walk.layerCount()-1)
		if view := ansi.Strip(m.View()); !strings.Contains(view, want[lang]) {
			t.Errorf("%s: the output step does not name its formula (%q):\n%s", lang, want[lang], view)
		}
	}
}

// prose is the stripped view with its lines joined, so that sentences
// wrapped over several lines can be searched.
func prose(view string) string {
	var words []string
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		words = append(words, strings.Fields(l)...)
	}
	return strings.Join(words, " ")
}

// The input step describes the preprocessing the pipeline really did:
// which numeric columns went through ln(1+v) and the scaling after it
// (min–max or standardisation), not min–max alone while the rows show
// ln(1+v).
func TestInputProseMatchesThePipeline(t *testing.T) {
	// Min–max first, explicitly: the default has been z-scores since issue 15.
	exp := longNamesExperimentWith(t, func(c *experiment.Config) { c.Pipeline.Scale = data.ScaleMinMax })
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"en": "Numbers: tenure, MonthlyCharges and ProductRelated_Duration first go through ln(1+v), then min–max scaling of the result, (ln(1+v) − min) / (max − min), with the min and max of ln(1+v) over the training users, which puts their range on [0, 1]; min and max come from the means of the 10th to 19th smallest and largest training values (for privacy: no single user's value, so the most extreme training values are clipped too), and values beyond them are clipped to them ([v→bound]). The other numeric columns get min–max scaling, (v − min) / (max − min), which puts the training range on [0, 1]; min and max are the means of the 10th to 19th smallest and largest training values (for privacy: no single user's value, so the most extreme training values are clipped too), and values beyond them are clipped to them ([v→bound]).",
		"zh": "数值列：tenure、MonthlyCharges 和 ProductRelated_Duration 先取 ln(1+v)，再做最小–最大缩放，(ln(1+v) − 最小值) / (最大值 − 最小值)",
	}
	for _, lang := range Languages {
		m := New(in, lang, DefaultStyles())
		m.SetSize(100, 200)
		m = goTo(t, m, stepInput, 0)
		if got := prose(m.View()); !strings.Contains(got, want[lang]) {
			t.Errorf("%s: the input step does not say %q:\n%s", lang, want[lang], got)
		}
	}

	// Standardised: the prose speaks of the mean and standard deviation of
	// ln(1+v), and of no min–max scaling.
	zexp := fixtureWith(t, func(c *experiment.Config) { c.Pipeline.Scale = data.ScaleZScore })
	zin, err := NewInput(zexp, fixtureRow(zexp))
	if err != nil {
		t.Fatal(err)
	}
	zwant := map[string]string{
		"en": "then standardisation of the result, (ln(1+v) − mean) / standard deviation, with the mean and standard deviation of ln(1+v) over the training users",
		"zh": "再做标准化，(ln(1+v) − 均值) / 标准差，均值和标准差取自训练用户的 ln(1+v)",
	}
	for _, lang := range Languages {
		m := New(zin, lang, DefaultStyles())
		m.SetSize(100, 200)
		m = goTo(t, m, stepInput, 0)
		got := prose(m.View())
		if !strings.Contains(got, zwant[lang]) {
			t.Errorf("%s: the standardised input step does not say %q:\n%s", lang, zwant[lang], got)
		}
		if strings.Contains(got, "min–max") || strings.Contains(got, "最小–最大") {
			t.Errorf("%s: the standardised input step speaks of min–max scaling:\n%s", lang, got)
		}
	}
}

// TestInputNamesNeverWrap: on the input step a one-hot name wrapped onto
// a line of its own ("OnlineSecurity=No" over "internet service") read as
// two inputs. The name is cut with "…" instead: a line of the table with
// no index has nothing in the input column.
func TestInputNamesNeverWrap(t *testing.T) {
	exp := longNamesExperiment(t)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		m := New(in, lang, DefaultStyles())
		for _, width := range []int{60, 80, 100} {
			var s step
			for _, st := range m.steps {
				if st.kind == stepInput {
					s = st
				}
			}
			body := m.renderer(width).render(s).body
			inTable, rows, cut := false, 0, 0
			for _, l := range body {
				l = ansi.Strip(l)
				switch {
				case strings.HasSuffix(strings.TrimRight(l, " "), "x[i]"):
					inTable = true
					continue
				case !inTable:
					continue
				case strings.TrimSpace(l) == "":
					inTable = false
					continue
				}
				if strings.TrimSpace(l[:6]) != "" {
					rows++
					if strings.Contains(l, "…") {
						cut++
					}
					continue
				}
				if r := []rune(l); len(r) > 6 && r[6] != ' ' {
					t.Errorf("%s at %d: a continuation in the input column: %q", lang, width, l)
				}
			}
			if rows != len(in.X) || (width == 60 && cut == 0) {
				t.Errorf("%s at %d: %d rows (want %d), %d names cut", lang, width, rows, len(in.X), cut)
			}
		}
	}
}
