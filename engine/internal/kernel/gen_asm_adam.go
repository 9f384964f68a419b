//go:build ignore

package main

// genAdam512 writes adamAVX512, Adam over the first len(w)/8·8 elements with
// 512-bit vectors. The moments are updated exactly as in adamAVX2, but the
// square root and the division, which bound the cost of the step on the
// divider unit, come from the 14-bit hardware estimates VRSQRT14PD and
// VRCP14PD, refined by two Newton steps each and a final residual correction
// computed with FMA. The results are within about one unit in the last place
// of the correctly rounded operations, and usually equal to them.
//
// v is first raised to at least 2⁻¹⁰⁰⁰ (a NaN stays NaN) so that v = 0 and
// subnormal v give a finite estimate; √(2⁻¹⁰⁰⁰) is far below one unit of eps,
// so the update is unchanged for any eps > 2⁻⁴⁴⁰.
func genAdam512(g *asm) {
	g.buf.WriteString(`
// 0.5, 1.5, 1.0 and 2⁻¹⁰⁰⁰ for adamAVX512.
DATA adamconst<>+0(SB)/8, $0x3fe0000000000000
DATA adamconst<>+8(SB)/8, $0x3ff8000000000000
DATA adamconst<>+16(SB)/8, $0x3ff0000000000000
DATA adamconst<>+24(SB)/8, $0x0170000000000000
GLOBL adamconst<>(SB), RODATA|NOPTR, $32

// func adamAVX512(w, g, m, v []float64, p *adamParams)
TEXT ·adamAVX512(SB), NOSPLIT, $0-104
`)
	g.op("MOVQ w_base+0(FP), DI")
	g.op("MOVQ g_base+24(FP), SI")
	g.op("MOVQ m_base+48(FP), DX")
	g.op("MOVQ v_base+72(FP), R8")
	g.op("MOVQ p+96(FP), AX")
	g.op("MOVQ w_len+8(FP), CX")
	g.op("SHRQ $3, CX")
	g.op("JZ adam512_done")
	for i, name := range []string{"beta1", "beta2", "1-beta1", "1-beta2", "-lr/bc1", "1/sqrt(bc2)", "eps"} {
		g.op("VBROADCASTSD %d(AX), Z%d // %s", 8*i, 16+i, name)
	}
	g.op("LEAQ adamconst<>(SB), AX")
	for i, name := range []string{"0.5", "1.5", "1.0", "2^-1000"} {
		g.op("VBROADCASTSD %d(AX), Z%d // %s", 8*i, 23+i, name)
	}
	g.op("XORQ BX, BX")
	g.label("adam512_loop")
	// Moments, as in adamAVX2: Z1 = m, Z2 = v.
	g.op("VMOVUPD (SI)(BX*1), Z0")
	g.op("VMULPD Z0, Z18, Z1")
	g.op("VFMADD231PD (DX)(BX*1), Z16, Z1")
	g.op("VMULPD Z0, Z19, Z2")
	g.op("VMULPD Z0, Z2, Z2")
	g.op("VFMADD231PD (R8)(BX*1), Z17, Z2")
	g.op("VMOVUPD Z1, (DX)(BX*1)")
	g.op("VMOVUPD Z2, (R8)(BX*1)")
	// Z4 ≈ 1/√vc by y ← y·(1.5 − (vc/2)·y²), twice.
	g.op("VMAXPD Z2, Z26, Z3") // vc = tiny > v ? tiny : v
	g.op("VRSQRT14PD Z3, Z4")
	g.op("VMULPD Z3, Z23, Z5")
	for range 2 {
		g.op("VMULPD Z4, Z4, Z6")
		g.op("VMOVAPD Z24, Z7")
		g.op("VFNMADD231PD Z6, Z5, Z7")
		g.op("VMULPD Z7, Z4, Z4")
	}
	// Z6 = √vc: s = vc·y, corrected by (vc − s²)·y/2.
	g.op("VMULPD Z4, Z3, Z6")
	g.op("VMOVAPD Z3, Z7")
	g.op("VFNMADD231PD Z6, Z6, Z7")
	g.op("VMULPD Z4, Z23, Z8")
	g.op("VFMADD231PD Z8, Z7, Z6")
	// Z9 = denominator = FMA(√v, 1/√bc2, eps).
	g.op("VMOVAPD Z22, Z9")
	g.op("VFMADD231PD Z21, Z6, Z9")
	// Z10 ≈ 1/denominator by r ← r + r·(1 − d·r), twice.
	g.op("VRCP14PD Z9, Z10")
	for range 2 {
		g.op("VMOVAPD Z25, Z11")
		g.op("VFNMADD231PD Z10, Z9, Z11")
		g.op("VFMADD231PD Z11, Z10, Z10")
	}
	// Z12 = m/d: q = m·r, corrected by (m − d·q)·r.
	g.op("VMULPD Z10, Z1, Z12")
	g.op("VMOVAPD Z1, Z13")
	g.op("VFNMADD231PD Z12, Z9, Z13")
	g.op("VFMADD231PD Z13, Z10, Z12")
	// w ← FMA(−lr/bc1, q, w).
	g.op("VMOVUPD (DI)(BX*1), Z14")
	g.op("VFMADD231PD Z12, Z20, Z14")
	g.op("VMOVUPD Z14, (DI)(BX*1)")
	g.op("ADDQ $64, BX")
	g.op("DECQ CX")
	g.op("JNZ adam512_loop")
	g.label("adam512_done")
	g.op("VZEROUPPER")
	g.op("RET")
}
