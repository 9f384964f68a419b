package main

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// TestDirectoryRefusalIsWordedInChinese: opening a folder in the Chinese
// TUI showed only the English "is a directory, not a file".
func TestDirectoryRefusalIsWordedInChinese(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	refusal := refuseDirectory(dir, f)
	if !errors.Is(refusal, errDirectory) || !errors.Is(refusal, experiment.ErrNotRegularFile) {
		t.Fatalf("refusal %v is not errDirectory and experiment.ErrNotRegularFile", refusal)
	}
	if got := common.New("zh").ErrorText(refusal); !strings.HasPrefix(got, "不是普通文件（") || !strings.Contains(got, dir) {
		t.Errorf("zh: %q", got)
	}
}
