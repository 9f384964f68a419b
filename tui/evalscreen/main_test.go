package evalscreen

import (
	"os"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// TestMain runs the tests with the portable kernels (screentest.RunPortable):
// the golden files show trained numbers.
func TestMain(m *testing.M) { os.Exit(screentest.RunPortable(m)) }
