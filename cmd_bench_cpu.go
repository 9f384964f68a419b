package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// processorDescription names the processor a benchmark ran on so that two
// machines sold under the same name can be told apart: the model name, the
// CPU family and model numbers, whether AVX-512 is present and the logical
// cores Go may use. It reads /proc/cpuinfo; where that file is absent (not
// Linux) or says nothing, it names the architecture and cores only.
func processorDescription() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		b = nil
	}
	return describeCPUInfo(string(b), runtime.GOARCH, runtime.NumCPU())
}

// describeCPUInfo is processorDescription on the text of a /proc/cpuinfo
// file; only the first processor's block is read (they are alike).
func describeCPUInfo(cpuinfo, arch string, cores int) string {
	fields := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(cpuinfo))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20) // the flags line is long
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			if len(fields) > 0 {
				break // the end of the first processor's block
			}
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.TrimSpace(key)
		if _, seen := fields[key]; !seen {
			fields[key] = strings.TrimSpace(val)
		}
	}
	plural := "s"
	if cores == 1 {
		plural = ""
	}
	name := fields["model name"]
	if name == "" {
		return fmt.Sprintf("%s (processor model unknown), %d core%s", arch, cores, plural)
	}
	parts := []string{name}
	if fam, model := fields["cpu family"], fields["model"]; fam != "" || model != "" {
		parts = append(parts, fmt.Sprintf("family %s model %s", orUnknown(fam), orUnknown(model)))
	}
	if flags, ok := fields["flags"]; ok {
		avx := "no AVX-512"
		for _, f := range strings.Fields(flags) {
			if f == "avx512f" {
				avx = "AVX-512"
				break
			}
		}
		parts = append(parts, avx)
	}
	return fmt.Sprintf("%s, %d core%s", strings.Join(parts, ", "), cores, plural)
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}
