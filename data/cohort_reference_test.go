package data

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

// The pandas references on the shared data sets are computed when the
// tests run, not committed: testdata/orderlog_features/features.py writes
// them into a temporary folder (RETAIN_REF_OUT), reading Online Retail from
// a CSV that parquetdump (parquet-go alone, not this package) makes.
var (
	refOnce sync.Once
	refDir  string
	refErr  string
	// refNoPandas is set when python3 lacks pandas, the one reason the
	// reference tests skip; any other failure to make the reference fails.
	refNoPandas bool
)

// pandasReference returns the folder holding the generated expected files,
// or skips the test, saying why, when pandas is missing.
func pandasReference(t *testing.T) string {
	t.Helper()
	shareddata.Need(t, cdnowPath)
	shareddata.Need(t, retailParquetPath)
	refOnce.Do(func() {
		py := "/usr/bin/python3"
		if err := exec.Command(py, "-c", "import pandas").Run(); err != nil {
			refErr = "the pandas reference needs /usr/bin/python3 with pandas (apt-get install -y python3-pandas)"
			refNoPandas = true
			return
		}
		dir, err := os.MkdirTemp("", "retain-pandas-ref")
		if err != nil {
			refErr = err.Error()
			return
		}
		orCSV := filepath.Join(dir, "online_retail.csv")
		if out, err := os.Create(orCSV); err == nil {
			cmd := exec.Command("go", "run", "./internal/parquetdump", "../../shared/datasets/online_retail/online_retail.parquet")
			cmd.Stdout = out
			if err := cmd.Run(); err != nil {
				refErr = "parquetdump of the Online Retail log: " + err.Error()
				out.Close()
				return
			}
			out.Close()
		}
		cmd := exec.Command(py, filepath.Join(featuresDir, "features.py"))
		cmd.Env = append(os.Environ(), "RETAIN_REF_OUT="+dir, "RETAIN_OR_CSV="+orCSV)
		if out, err := cmd.CombinedOutput(); err != nil {
			refErr = "features.py: " + err.Error() + ": " + string(out)
			return
		}
		refDir = dir
	})
	if refDir == "" && refNoPandas {
		t.Skip(refErr)
	}
	if refDir == "" {
		t.Fatalf("the pandas reference could not be made: %s", refErr)
	}
	return refDir
}
