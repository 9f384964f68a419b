package main

import (
	"errors"
	"os"
	"syscall"
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
	if !errors.Is(refusal, syscall.EISDIR) || !errors.Is(refusal, experiment.ErrNotRegularFile) {
		t.Fatalf("refusal %v is not syscall.EISDIR and experiment.ErrNotRegularFile", refusal)
	}
	if got, want := refusal.Error(), dir+": is a directory, not a file"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	// All in Chinese, the path once (review29 #2).
	if got, want := common.New("zh").ErrorText(refusal), dir+"：这是一个目录，不是文件"; got != want {
		t.Errorf("zh: %q, want %q", got, want)
	}
}
