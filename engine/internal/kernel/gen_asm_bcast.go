//go:build ignore

package main

import "fmt"

// isa describes a vector extension the broadcast kernel is generated for.
type isa struct {
	suffix string // function name suffix: AVX2 or AVX512
	reg    string // vector register prefix: Y or Z
	lanes  int    // float64 lanes per vector
	regs   int    // vector registers available
	// widths[mr] lists the column-tile widths, in vectors, of an mr-row block.
	widths map[int][]int
}

func (v isa) bytes() int { return 8 * v.lanes }

var avx2 = isa{"AVX2", "Y", 4, 16, map[int][]int{6: {2, 1}, 4: {3, 2, 1}, 2: {4, 2, 1}, 1: {8, 4, 2, 1}}}

// avx512 has twice the lanes and registers: a 6×4 tile holds 24 accumulators,
// 4 vectors of b and the broadcast. Tails use opmask K1 instead of a table.
var avx512 = isa{"AVX512", "Z", 8, 32, map[int][]int{6: {4, 2, 1}, 4: {4, 2, 1}, 2: {8, 4, 2, 1}, 1: {8, 4, 2, 1}}}

// genBcast writes mulBcastAVX2: c[i·ldc + j] (+)= Σp a[i·ars + p·aps]·b[p·ldb + j]
// for i < m, j < n, p < k.
// A tile keeps mr rows × nv vectors of c in registers; per p it broadcasts one
// element of a per row and multiplies it by nv vectors of row p of b. With
// accum ≠ 0 the tile starts from c instead of zero, which lets the caller split
// a long k into blocks that stay in the L1 cache.
//
// Registers: DI c row block, SI a row block, R8 ldc·8, R9 ars·8, R10 aps·8,
// R11 rows left, R13 c tile, R14 b column, DX columns left, AX/BX a cursors
// (rows 0–2 / 3–5), CX b cursor, R12 p counter. With no register left, the
// b stride ldb·8 is kept in ldb's argument slot and added from memory.
func genBcast(g *asm, vi isa) {
	g.buf.WriteString(fmt.Sprintf(`
// func mulBcast%[1]s(c, a, b []float64, m, n, k, ars, aps, accum, ldc, ldb int)
TEXT ·mulBcast%[1]s(SB), NOSPLIT, $0-136
`, vi.suffix))
	g.op("MOVQ c_base+0(FP), DI")
	g.op("MOVQ a_base+24(FP), SI")
	g.op("MOVQ ldc+120(FP), R8")
	g.op("SHLQ $3, R8")
	g.op("MOVQ ldb+128(FP), AX")
	g.op("SHLQ $3, AX")
	g.op("MOVQ AX, ldb+128(FP)")
	g.op("MOVQ ars+96(FP), R9")
	g.op("SHLQ $3, R9")
	g.op("MOVQ aps+104(FP), R10")
	g.op("SHLQ $3, R10")
	g.op("MOVQ m+72(FP), R11")

	// Rows go six at a time, then at most one block each of 4, 2 and 1. The
	// thinner blocks use wider column tiles to keep enough independent
	// accumulators in flight to cover the FMA latency.
	g.label(vi.suffix + "bc_rows6")
	g.op("CMPQ R11, $6")
	g.op("JLT " + vi.suffix + "bc_rows4")
	bcastRowBlock(g, vi, 6)
	g.op("LEAQ (R8)(R8*2), AX")
	g.op("LEAQ (DI)(AX*2), DI")
	g.op("LEAQ (R9)(R9*2), AX")
	g.op("LEAQ (SI)(AX*2), SI")
	g.op("SUBQ $6, R11")
	g.op("JMP " + vi.suffix + "bc_rows6")

	g.label(vi.suffix + "bc_rows4")
	g.op("CMPQ R11, $4")
	g.op("JLT " + vi.suffix + "bc_rows2")
	bcastRowBlock(g, vi, 4)
	g.op("LEAQ (DI)(R8*4), DI")
	g.op("LEAQ (SI)(R9*4), SI")
	g.op("SUBQ $4, R11")

	g.label(vi.suffix + "bc_rows2")
	g.op("CMPQ R11, $2")
	g.op("JLT " + vi.suffix + "bc_rows1")
	bcastRowBlock(g, vi, 2)
	g.op("LEAQ (DI)(R8*2), DI")
	g.op("LEAQ (SI)(R9*2), SI")
	g.op("SUBQ $2, R11")

	g.label(vi.suffix + "bc_rows1")
	g.op("CMPQ R11, $1")
	g.op("JLT " + vi.suffix + "bc_done")
	bcastRowBlock(g, vi, 1)

	g.label(vi.suffix + "bc_done")
	g.op("VZEROUPPER")
	g.op("RET")
}

// bcastRowBlock covers all columns of an mr-row block: tiles of widths[0]
// vectors while they fit, then at most one tile of each following width
// (each at least half the previous one), then a masked tile for n mod 4.
func bcastRowBlock(g *asm, vi isa, mr int) {
	widths := vi.widths[mr]
	p := fmt.Sprintf("%sbc%d", vi.suffix, mr)
	g.comment(fmt.Sprintf("rows block of %d", mr))
	g.op("MOVQ DI, R13")
	g.op("MOVQ b_base+48(FP), R14")
	g.op("MOVQ n+80(FP), DX")
	for idx, nv := range widths {
		lbl := fmt.Sprintf("%s_w%d", p, nv)
		next := fmt.Sprintf("%s_w%d", p, 0)
		if idx+1 < len(widths) {
			next = fmt.Sprintf("%s_w%d", p, widths[idx+1])
		}
		g.label(lbl)
		g.op("CMPQ DX, $%d", vi.lanes*nv)
		g.op("JLT %s", next)
		bcastTile(g, vi, mr, nv, false, lbl+"t")
		g.op("ADDQ $%d, R13", vi.bytes()*nv)
		g.op("ADDQ $%d, R14", vi.bytes()*nv)
		g.op("SUBQ $%d, DX", vi.lanes*nv)
		if idx == 0 {
			g.op("JMP %s", lbl)
		}
	}
	g.label(p + "_w0")
	g.op("TESTQ DX, DX")
	g.op("JZ %s_end", p)
	if vi.lanes == 4 {
		g.op("MOVQ $4, AX")
		g.op("SUBQ DX, AX")
		g.op("LEAQ masktab<>(SB), CX")
		g.op("VMOVUPD (CX)(AX*8), Y15")
	} else {
		g.op("MOVQ DX, CX")
		g.op("MOVQ $1, AX")
		g.op("SHLQ CX, AX")
		g.op("DECQ AX")
		g.op("KMOVW AX, K1")
	}
	bcastTile(g, vi, mr, 1, true, p+"_tm")
	g.label(p + "_end")
}

// bcastAddr is the address of row r of a tile whose rows 0–2 start at lo and
// rows 3–5 at hi, rows being stride bytes apart.
func bcastAddr(r int, lo, hi, stride string, disp int) string {
	base := lo
	if r >= 3 {
		base, r = hi, r-3
	}
	d := ""
	if disp != 0 {
		d = fmt.Sprint(disp)
	}
	switch r {
	case 0:
		return fmt.Sprintf("%s(%s)", d, base)
	case 1:
		return fmt.Sprintf("%s(%s)(%s*1)", d, base, stride)
	default:
		return fmt.Sprintf("%s(%s)(%s*2)", d, base, stride)
	}
}

// bcastTile emits one mr × nv-vector tile. Registers: accumulators first,
// then the nv vectors of b (none for a single row, which multiplies straight
// from memory), then the broadcast; Y15 is the mask of a masked tile.
func bcastTile(g *asm, vi isa, mr, nv int, masked bool, p string) {
	nAcc := mr * nv
	R := vi.reg
	acc := func(r, v int) string { return fmt.Sprintf("%s%d", R, r*nv+v) }
	fromMem := mr == 1 && !masked
	bReg := func(v int) string { return fmt.Sprintf("%s%d", R, nAcc+v) }
	bc := fmt.Sprintf("%s%d", R, nAcc+nv)
	if fromMem {
		bc = fmt.Sprintf("%s%d", R, nAcc)
	}
	used := nAcc + nv + 1
	if fromMem {
		used = nAcc + 1
	}
	if used > vi.regs || (masked && vi.lanes == 4 && used > 15) {
		panic(fmt.Sprintf("tile %d×%d does not fit the %s registers", mr, nv, vi.suffix))
	}
	cAddr := func(r, v int) string { return bcastAddr(r, "R13", "AX", "R8", vi.bytes()*v) }
	zeroOp := "VXORPD"
	if vi.lanes == 8 {
		zeroOp = "VPXORQ" // VXORPD on Z registers needs AVX512DQ
	}
	// Masked loads zero the unused lanes; masked stores leave them alone.
	maskLoad := func(src, dst string) {
		if vi.lanes == 4 {
			g.op("VMASKMOVPD %s, Y15, %s", src, dst)
		} else {
			g.op("VMOVUPD.Z %s, K1, %s", src, dst)
		}
	}
	maskStore := func(src, dst string) {
		if vi.lanes == 4 {
			g.op("VMASKMOVPD %s, Y15, %s", src, dst)
		} else {
			g.op("VMOVUPD %s, K1, %s", src, dst)
		}
	}
	if mr > 3 {
		g.op("LEAQ (R13)(R8*2), AX")
		g.op("ADDQ R8, AX")
	}
	g.op("CMPQ accum+112(FP), $0")
	g.op("JNE %s_load", p)
	for r := 0; r < mr; r++ {
		for v := 0; v < nv; v++ {
			g.op("%s %s, %s, %s", zeroOp, acc(r, v), acc(r, v), acc(r, v))
		}
	}
	g.op("JMP %s_ready", p)
	g.label(p + "_load")
	for r := 0; r < mr; r++ {
		for v := 0; v < nv; v++ {
			if masked {
				maskLoad(cAddr(r, v), acc(r, v))
			} else {
				g.op("VMOVUPD %s, %s", cAddr(r, v), acc(r, v))
			}
		}
	}
	g.label(p + "_ready")
	g.op("MOVQ SI, AX")
	if mr > 3 {
		g.op("LEAQ (SI)(R9*2), BX")
		g.op("ADDQ R9, BX")
	}
	g.op("MOVQ R14, CX")
	g.op("MOVQ k+88(FP), R12")
	g.op("TESTQ R12, R12")
	g.op("JZ %s_store", p)
	g.label(p + "_p")
	if fromMem {
		g.op("VBROADCASTSD (AX), %s", bc)
		for v := 0; v < nv; v++ {
			g.op("VFMADD231PD %d(CX), %s, %s", vi.bytes()*v, bc, acc(0, v))
		}
	} else {
		for v := 0; v < nv; v++ {
			if masked {
				maskLoad("(CX)", bReg(v))
			} else {
				g.op("VMOVUPD %d(CX), %s", vi.bytes()*v, bReg(v))
			}
		}
		for r := 0; r < mr; r++ {
			g.op("VBROADCASTSD %s, %s", bcastAddr(r, "AX", "BX", "R9", 0), bc)
			for v := 0; v < nv; v++ {
				g.op("VFMADD231PD %s, %s, %s", bReg(v), bc, acc(r, v))
			}
		}
	}
	g.op("ADDQ R10, AX")
	if mr > 3 {
		g.op("ADDQ R10, BX")
	}
	g.op("ADDQ ldb+128(FP), CX")
	g.op("DECQ R12")
	g.op("JNZ %s_p", p)
	g.label(p + "_store")
	if mr > 3 {
		g.op("LEAQ (R13)(R8*2), AX")
		g.op("ADDQ R8, AX")
	}
	for r := 0; r < mr; r++ {
		for v := 0; v < nv; v++ {
			if masked {
				maskStore(acc(r, v), cAddr(r, v))
			} else {
				g.op("VMOVUPD %s, %s", acc(r, v), cAddr(r, v))
			}
		}
	}
}
