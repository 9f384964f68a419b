//go:build ignore

package main

// The element-wise kernels: bias broadcast (optionally fused with ReLU), the
// ReLU derivative mask and column sums. Each works along rows in vectors of
// four with a masked tail, so nothing outside the slices is touched.

// genRowVec writes a kernel c[i,j] = f(c[i,j] + v[j]) where f is the identity
// or, with relu, max(0, x) in the form that keeps NaN and −0 like Go's
// `if x < 0 { x = 0 }`.
func genRowVec(g *asm, name string, relu bool) {
	g.buf.WriteString("\n// func " + name + "(c, v []float64, m, n int)\nTEXT ·" + name + "(SB), NOSPLIT, $0-64\n")
	p := name
	g.op("MOVQ c_base+0(FP), DI")
	g.op("MOVQ v_base+24(FP), SI")
	g.op("MOVQ m+48(FP), R10")
	g.op("MOVQ n+56(FP), R8")
	tailMask(g, "R8")
	g.op("VXORPD Y14, Y14, Y14")
	g.op("TESTQ R10, R10")
	g.op("JZ %s_done", p)
	g.label(p + "_row")
	g.op("XORQ BX, BX")
	g.op("MOVQ R8, DX")
	g.op("SHRQ $2, DX")
	g.op("JZ %s_tail", p)
	g.label(p + "_vec")
	g.op("VMOVUPD (DI)(BX*1), Y0")
	g.op("VADDPD (SI)(BX*1), Y0, Y0")
	if relu {
		g.op("VMAXPD Y0, Y14, Y0")
	}
	g.op("VMOVUPD Y0, (DI)(BX*1)")
	g.op("ADDQ $32, BX")
	g.op("DECQ DX")
	g.op("JNZ %s_vec", p)
	g.label(p + "_tail")
	g.op("MOVQ R8, AX")
	g.op("ANDQ $3, AX")
	g.op("JZ %s_next", p)
	g.op("VMASKMOVPD (DI)(BX*1), Y15, Y0")
	g.op("VMASKMOVPD (SI)(BX*1), Y15, Y1")
	g.op("VADDPD Y1, Y0, Y0")
	if relu {
		g.op("VMAXPD Y0, Y14, Y0")
	}
	g.op("VMASKMOVPD Y0, Y15, (DI)(BX*1)")
	g.label(p + "_next")
	g.op("LEAQ (DI)(R8*8), DI")
	g.op("DECQ R10")
	g.op("JNZ %s_row", p)
	g.label(p + "_done")
	g.op("VZEROUPPER")
	g.op("RET")
}

// tailMask loads into Y15 the mask of the first (reg mod 4) lanes.
func tailMask(g *asm, reg string) {
	g.op("MOVQ %s, AX", reg)
	g.op("ANDQ $3, AX")
	g.op("MOVQ $4, CX")
	g.op("SUBQ AX, CX")
	g.op("LEAQ masktab<>(SB), R9")
	g.op("VMOVUPD (R9)(CX*8), Y15")
}

// genReLUMask writes reluMaskAVX2: d[i] = 0 wherever !(a[i] > 0), over the
// first len(d)/4·4 elements.
func genReLUMask(g *asm) {
	g.buf.WriteString("\n// func reluMaskAVX2(d, a []float64)\nTEXT ·reluMaskAVX2(SB), NOSPLIT, $0-48\n")
	g.op("MOVQ d_base+0(FP), DI")
	g.op("MOVQ a_base+24(FP), SI")
	g.op("MOVQ d_len+8(FP), CX")
	g.op("SHRQ $2, CX")
	g.op("JZ relumask_done")
	g.op("VXORPD Y14, Y14, Y14")
	g.op("XORQ BX, BX")
	g.label("relumask_loop")
	g.op("VMOVUPD (SI)(BX*1), Y1")
	g.op("VCMPPD $1, Y1, Y14, Y2") // 0 < a, false for NaN
	g.op("VANDPD (DI)(BX*1), Y2, Y2")
	g.op("VMOVUPD Y2, (DI)(BX*1)")
	g.op("ADDQ $32, BX")
	g.op("DECQ CX")
	g.op("JNZ relumask_loop")
	g.label("relumask_done")
	g.op("VZEROUPPER")
	g.op("RET")
}

// genColSums writes colSumsAVX2: dst[j] = Σi a[i,j], adding rows in order to
// a +0 start, as the Go loop does, so both paths agree bit for bit. Columns
// go 16, then 4 at a time, then a masked tail, each block down all rows.
func genColSums(g *asm) {
	g.buf.WriteString("\n// func colSumsAVX2(dst, a []float64, m, n int)\nTEXT ·colSumsAVX2(SB), NOSPLIT, $0-64\n")
	g.op("MOVQ dst_base+0(FP), DI")
	g.op("MOVQ a_base+24(FP), SI")
	g.op("MOVQ m+48(FP), R10")
	g.op("MOVQ n+56(FP), R8")
	tailMask(g, "R8")
	g.op("MOVQ R8, DX")
	g.op("SHLQ $3, R8")
	block := func(label string, vecs int, masked bool) {
		g.op("MOVQ SI, AX")
		g.op("MOVQ R10, CX")
		for v := 0; v < vecs; v++ {
			g.op("VXORPD Y%d, Y%d, Y%d", v, v, v)
		}
		g.op("TESTQ CX, CX")
		g.op("JZ %s_store", label)
		g.label(label + "_row")
		for v := 0; v < vecs; v++ {
			if masked {
				g.op("VMASKMOVPD (AX), Y15, Y8")
				g.op("VADDPD Y8, Y0, Y0")
			} else {
				g.op("VADDPD %d(AX), Y%d, Y%d", 32*v, v, v)
			}
		}
		g.op("ADDQ R8, AX")
		g.op("DECQ CX")
		g.op("JNZ %s_row", label)
		g.label(label + "_store")
		for v := 0; v < vecs; v++ {
			if masked {
				g.op("VMASKMOVPD Y0, Y15, (DI)")
			} else {
				g.op("VMOVUPD Y%d, %d(DI)", v, 32*v)
			}
		}
	}
	g.label("colsums_c16")
	g.op("CMPQ DX, $16")
	g.op("JLT colsums_c4")
	block("colsums_b16", 4, false)
	g.op("ADDQ $128, SI")
	g.op("ADDQ $128, DI")
	g.op("SUBQ $16, DX")
	g.op("JMP colsums_c16")
	g.label("colsums_c4")
	g.op("CMPQ DX, $4")
	g.op("JLT colsums_tail")
	block("colsums_b4", 1, false)
	g.op("ADDQ $32, SI")
	g.op("ADDQ $32, DI")
	g.op("SUBQ $4, DX")
	g.op("JMP colsums_c4")
	g.label("colsums_tail")
	g.op("TESTQ DX, DX")
	g.op("JZ colsums_done")
	block("colsums_bt", 1, true)
	g.label("colsums_done")
	g.op("VZEROUPPER")
	g.op("RET")
}

// genTranspose writes transposeAVX2: dst[c·rows + r] = src[r·lds + c] for
// r < rows&^3 and c < cols&^3, in 4×4 blocks transposed in registers; the
// caller copies the fringe.
//
// Registers: SI src row block, DI dst, R8 lds·8, R9 3·lds·8, R11 rows·8,
// R12 3·rows·8, R10 row blocks left, CX column blocks left, AX src cursor,
// DX dst cursor, BX row offset in bytes.
func genTranspose(g *asm) {
	g.buf.WriteString("\n// func transposeAVX2(dst, src []float64, rows, cols, lds int)\nTEXT ·transposeAVX2(SB), NOSPLIT, $0-72\n")
	g.op("MOVQ dst_base+0(FP), DI")
	g.op("MOVQ src_base+24(FP), SI")
	g.op("MOVQ rows+48(FP), R11")
	g.op("MOVQ R11, R10")
	g.op("SHRQ $2, R10")
	g.op("JZ tr_done")
	g.op("SHLQ $3, R11")
	g.op("LEAQ (R11)(R11*2), R12")
	g.op("MOVQ lds+64(FP), R8")
	g.op("SHLQ $3, R8")
	g.op("LEAQ (R8)(R8*2), R9")
	g.op("XORQ BX, BX")
	g.label("tr_rows")
	g.op("MOVQ cols+56(FP), CX")
	g.op("SHRQ $2, CX")
	g.op("JZ tr_next")
	g.op("MOVQ SI, AX")
	g.op("LEAQ (DI)(BX*1), DX")
	g.label("tr_cols")
	g.op("VMOVUPD (AX), Y0")
	g.op("VMOVUPD (AX)(R8*1), Y1")
	g.op("VMOVUPD (AX)(R8*2), Y2")
	g.op("VMOVUPD (AX)(R9*1), Y3")
	g.op("VUNPCKLPD Y1, Y0, Y4") // r0[0] r1[0] r0[2] r1[2]
	g.op("VUNPCKHPD Y1, Y0, Y5") // r0[1] r1[1] r0[3] r1[3]
	g.op("VUNPCKLPD Y3, Y2, Y6")
	g.op("VUNPCKHPD Y3, Y2, Y7")
	g.op("VPERM2F128 $0x20, Y6, Y4, Y0")
	g.op("VPERM2F128 $0x20, Y7, Y5, Y1")
	g.op("VPERM2F128 $0x31, Y6, Y4, Y2")
	g.op("VPERM2F128 $0x31, Y7, Y5, Y3")
	g.op("VMOVUPD Y0, (DX)")
	g.op("VMOVUPD Y1, (DX)(R11*1)")
	g.op("VMOVUPD Y2, (DX)(R11*2)")
	g.op("VMOVUPD Y3, (DX)(R12*1)")
	g.op("ADDQ $32, AX")
	g.op("LEAQ (DX)(R11*4), DX")
	g.op("DECQ CX")
	g.op("JNZ tr_cols")
	g.label("tr_next")
	g.op("LEAQ (SI)(R8*4), SI")
	g.op("ADDQ $32, BX")
	g.op("DECQ R10")
	g.op("JNZ tr_rows")
	g.label("tr_done")
	g.op("VZEROUPPER")
	g.op("RET")
}
