package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

var (
	// markdownLink matches an inline link's target: ](target) or ](target "title").
	markdownLink = regexp.MustCompile(`\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
	// linkText matches a whole link, to keep its text in a heading.
	linkText   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	codeBlock  = regexp.MustCompile("(?s)```.*?```")
	codeSpan   = regexp.MustCompile("`[^`\n]*`")
	linkScheme = regexp.MustCompile(`^[a-z][a-z0-9+.-]*:`)
	// htmlAnchor matches an explicit anchor, <a id="name"></a>.
	htmlAnchor = regexp.MustCompile(`<a id="([^"]+)"></a>`)
)

// githubSlug is the anchor GitHub gives a heading: lower case, every
// character but letters, digits, '_', '-' and spaces dropped, spaces made
// hyphens. Duplicates get -1, -2, … (see headingAnchors).
func githubSlug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headingAnchors lists the anchors of a Markdown file's headings and its
// explicit <a id="…"></a> anchors, skipping fenced code blocks, whose '#'
// lines are comments.
func headingAnchors(text string) map[string]bool {
	anchors := map[string]bool{}
	seen := map[string]int{}
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		for _, m := range htmlAnchor.FindAllStringSubmatch(line, -1) {
			anchors[m[1]] = true
		}
		if !strings.HasPrefix(line, "#") {
			continue
		}
		heading := strings.TrimLeft(line, "#")
		if heading == "" || heading[0] != ' ' {
			continue
		}
		s := githubSlug(linkText.ReplaceAllString(heading, "$1"))
		if n := seen[s]; n > 0 {
			anchors[s+"-"+strconv.Itoa(n)] = true
		} else {
			anchors[s] = true
		}
		seen[s]++
	}
	return anchors
}

// relativeLinks returns the link targets of a Markdown text outside code
// blocks and code spans, leaving out absolute URLs (http:, mailto:, …).
func relativeLinks(text string) []string {
	text = codeSpan.ReplaceAllString(codeBlock.ReplaceAllString(text, ""), "")
	var out []string
	for _, m := range markdownLink.FindAllStringSubmatch(text, -1) {
		if !linkScheme.MatchString(m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// TestGithubSlug: anchors of headings of this README as GitHub renders them
// (read off the rendered page's links: code spans and parentheses dropped,
// each space a hyphen, so "(`--pseudonymise`)" leaves three hyphens).
func TestGithubSlug(t *testing.T) {
	for heading, want := range map[string]string{
		"Scoring API (`retain api`)":                                         "scoring-api-retain-api",
		"Pseudonyms (`--pseudonymise`)":                                      "pseudonyms---pseudonymise",
		"Order logs: scoring today, out-of-time validation, BG/NBD, cohorts": "order-logs-scoring-today-out-of-time-validation-bgnbd-cohorts",
		"Earlier rounds: what else was tried on telco_churn":                 "earlier-rounds-what-else-was-tried-on-telco_churn",
	} {
		if got := githubSlug(heading); got != want {
			t.Errorf("githubSlug(%q) = %q, want %q", heading, got, want)
		}
	}
}

// TestREADMELinksResolve: every relative link of README.md and docs/*.md
// names a file that exists and, with a #fragment into a Markdown file, a
// heading of that file, so that moving or renaming a section cannot leave
// the README's Contents or its pointers to docs/ dangling.
func TestREADMELinksResolve(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("docs", "*.md"))
	files = append([]string{"README.md"}, files...)
	checked := 0
	for _, md := range files {
		b, err := os.ReadFile(md)
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range relativeLinks(string(b)) {
			checked++
			path, frag, _ := strings.Cut(target, "#")
			file := md
			if path != "" {
				file = filepath.Join(filepath.Dir(md), filepath.FromSlash(path))
			}
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s: link %s: %v", md, target, err)
				continue
			}
			if frag == "" || !strings.HasSuffix(file, ".md") {
				continue
			}
			text, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !headingAnchors(string(text))[frag] {
				t.Errorf("%s: link %s: %s has no heading with the anchor #%s", md, target, file, frag)
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d relative links found: is the link pattern still right?", checked)
	}
}
