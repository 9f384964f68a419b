package datascreen

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// maxShownMatches bounds the completion candidates listed under the prompt.
const maxShownMatches = 6

// prompt is a one-line text field with a purpose, an error shown in place
// and, for paths, shell-like completion on tab.
type prompt struct {
	kind    promptKind
	input   common.Field
	err     common.Said // why its text was refused
	matches []string
}

type promptKind int

const (
	promptNone promptKind = iota
	promptTable
	promptLog
	promptSeed
	promptCutoff
	promptHorizon
)

func (k promptKind) label(c common.Common) string {
	switch k {
	case promptTable:
		return c.T("Open table (CSV, Parquet or xlsx): ", "打开表（CSV、Parquet 或 xlsx）：")
	case promptLog:
		return c.T("Open order log (CSV, Parquet or xlsx): ", "打开订单日志（CSV、Parquet 或 xlsx）：")
	case promptSeed:
		return c.T("Split seed: ", "划分种子：")
	case promptCutoff:
		return c.T("Cutoff date (YYYY-MM-DD): ", "截止日期（YYYY-MM-DD）：")
	case promptHorizon:
		return c.T("Label horizon (days, e.g. 90d, 13w or 90): ", "标签观察期（天数，例如 90d、13w 或 90）：")
	}
	return "> "
}

func (k promptKind) isPath() bool { return k == promptTable || k == promptLog }

// newPrompt opens a prompt of kind on value selected, as every other
// field opens, so that what is typed replaces it: a setting's current
// value (the seed, cutoff or horizon), or for a path the current file's
// folder. A path typed as in the shell ("../shared/x.csv") is that path:
// the folder, left before the cursor, made it "…/online_shoppers/../shared/…"
// (review31 #3). ←/→ or tab keep the folder to name a file in.
func newPrompt(c common.Common, kind promptKind, value string) (prompt, tea.Cmd) {
	in := common.NewField(c, kind.label(c))
	common.SetFieldWidth(&in.Model, common.PromptFieldWidth(in.Model, c.Width))
	return prompt{kind: kind, input: in}, in.Open(value)
}

func (p prompt) active() bool { return p.kind != promptNone }

// errNoCompletion is what tab says on a served session, which never lists
// the server's folders.
func errNoCompletion(c common.Common) string {
	return c.T("path completion is off on a served session", "在服务会话中不能补全路径")
}

// listDirCmd lists the directory part of a typed path for completion.
func listDirCmd(input string) tea.Cmd {
	return func() tea.Msg {
		dir, prefix := filepath.Split(input)
		readDir := dir
		if readDir == "" {
			readDir = "."
		}
		entries, err := os.ReadDir(readDir)
		if err != nil {
			return DirListMsg{input: input, err: err}
		}
		var matches []string
		for _, e := range entries {
			name := e.Name()
			if !strings.HasPrefix(name, prefix) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix, ".")) {
				continue
			}
			if e.IsDir() {
				name += "/"
			}
			matches = append(matches, dir+name)
		}
		sort.Strings(matches)
		return DirListMsg{input: input, matches: matches}
	}
}

// complete applies a directory listing: one match is taken whole, several
// extend the text to their common prefix and are listed.
func (p prompt) complete(c common.Common, msg DirListMsg) prompt {
	if !p.kind.isPath() || msg.input != p.input.Value() {
		return p
	}
	p.matches = nil
	switch {
	case msg.err != nil:
		p.err = c.SayIn(func(c common.Common) string {
			return common.ShortPathIn(c.ErrorText(msg.err), msg.input, filepath.Dir(msg.input))
		})
	case len(msg.matches) == 0:
		p.err = c.SayIn(func(c common.Common) string {
			return c.Tf("no file or folder starts with %s", "没有以 %s 开头的文件或文件夹", common.ShortPath(filepath.Base(msg.input)))
		})
	case len(msg.matches) == 1:
		p.err = common.Said{}
		p.input.Continue(msg.matches[0])
	default:
		p.err = common.Said{}
		p.input.Continue(commonPrefix(msg.matches))
		p.matches = msg.matches
	}
	return p
}

func commonPrefix(ss []string) string {
	prefix := ss[0]
	for _, s := range ss[1:] {
		for !strings.HasPrefix(s, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	return prefix
}

// view renders the prompt, its error and the completion candidates.
func (p prompt) view(c common.Common, width int) string {
	st := c.Styles
	lines := []string{p.input.View()}
	if e := p.err.In(c); e != "" {
		lines = append(lines, st.Error.Render("✗ "+common.Truncate(e, width-2)))
	}
	if len(p.matches) > 0 {
		names := make([]string, 0, maxShownMatches)
		for i, m := range p.matches {
			if i == maxShownMatches {
				names = append(names, c.Tf("… %s more", "… 还有 %s 个", common.Thousands(len(p.matches)-maxShownMatches)))
				break
			}
			names = append(names, filepath.Base(strings.TrimSuffix(m, "/"))+suffixSlash(m))
		}
		lines = append(lines, st.Muted.Render(common.Truncate(strings.Join(names, "  "), width)))
	}
	return strings.Join(lines, "\n")
}

func suffixSlash(s string) string {
	if strings.HasSuffix(s, "/") {
		return "/"
	}
	return ""
}
