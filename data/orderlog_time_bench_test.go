package data

import "testing"

// BenchmarkDateParse parses one timestamp of each form an order log writes:
// ISO with a time (UCI Online Retail), YYYYMMDD (CDNOW), month first,
// Unix seconds and the Chinese form.
func BenchmarkDateParse(b *testing.B) {
	for _, c := range []struct {
		name, in string
		order    DateOrder
	}{
		{"iso", "2010-12-01 08:26:00", DateAuto},
		{"yyyymmdd", "19970101", DateAuto},
		{"month_first", "12/1/2010 8:26", DateMDY},
		{"unix", "1511544070", DateAuto},
		{"chinese", "2023年1月5日 10:00", DateAuto},
	} {
		b.Run(c.name, func(b *testing.B) {
			p := &dateParser{order: c.order}
			in := []byte(c.in)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.day(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
