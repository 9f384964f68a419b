package main

import "testing"

// TestDescribeCPUInfo: the description names the family, the model and
// whether avx512f is among the flags, read from the first processor's block
// (the fixtures are cut from real /proc/cpuinfo files: an AMD EPYC of family
// 25 without AVX-512, as on the development machine, and one of family 26
// with it); without the file it names the architecture only.
func TestDescribeCPUInfo(t *testing.T) {
	zen3 := "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 1\n" +
		"model name\t: AMD EPYC\nflags\t\t: fpu vme avx2 sha_ni\n\n" +
		"processor\t: 1\nvendor_id\t: AuthenticAMD\ncpu family\t: 99\nmodel\t\t: 9\n" +
		"model name\t: other\nflags\t\t: avx512f\n"
	zen5 := "processor\t: 0\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\n" +
		"flags\t\t: fpu avx2 avx512f avx512dq avx512_bf16\n"
	noFlags := "processor\t: 0\nmodel name\t: ARMv8 board\n"
	for _, c := range []struct {
		name, in string
		cores    int
		want     string
	}{
		{"family 25", zen3, 2, "AMD EPYC, family 25 model 1, no AVX-512, 2 cores"},
		{"family 26", zen5, 2, "AMD EPYC, family 26 model 2, AVX-512, 2 cores"},
		{"no family or flags", noFlags, 1, "ARMv8 board, 1 core"},
		{"no file", "", 4, "amd64 (processor model unknown), 4 cores"},
	} {
		if got := describeCPUInfo(c.in, "amd64", c.cores); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
