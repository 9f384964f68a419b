//go:build ignore

package main

import "fmt"

// genDot writes mulNTAVX2: c[i,j] = Σp a[i·k + p]·b[j·k + p]. A tile holds
// mr rows × nr columns of c as vectors of partial sums over p mod 4, reduced
// horizontally once at the end; the k mod 4 tail is read with masked loads.
//
// Registers: DI c row block, SI a row block, R8 k·8, R9 n·8, R10 rows left,
// R11 c tile, R12 b row of the tile, R13 3·k·8, R14 tail mask, DX columns
// left, AX a cursor, BX b cursor, CX p counter.
func genDot(g *asm) {
	g.buf.WriteString(`
// func mulNTAVX2(c, a, b []float64, m, n, k int)
TEXT ·mulNTAVX2(SB), NOSPLIT, $0-96
`)
	g.op("MOVQ c_base+0(FP), DI")
	g.op("MOVQ a_base+24(FP), SI")
	g.op("MOVQ k+88(FP), R8")
	g.op("SHLQ $3, R8")
	g.op("MOVQ n+80(FP), R9")
	g.op("SHLQ $3, R9")
	g.op("MOVQ m+72(FP), R10")
	g.op("LEAQ (R8)(R8*2), R13")
	g.op("MOVQ k+88(FP), AX")
	g.op("ANDQ $3, AX")
	g.op("MOVQ $4, CX")
	g.op("SUBQ AX, CX")
	g.op("LEAQ masktab<>(SB), R14")
	g.op("LEAQ (R14)(CX*8), R14")

	g.label("nt_rows3")
	g.op("CMPQ R10, $3")
	g.op("JLT nt_rows1")
	dotRowBlock(g, 3)
	g.op("LEAQ (DI)(R9*2), DI")
	g.op("ADDQ R9, DI")
	g.op("ADDQ R13, SI")
	g.op("SUBQ $3, R10")
	g.op("JMP nt_rows3")

	g.label("nt_rows1")
	g.op("TESTQ R10, R10")
	g.op("JZ nt_done")
	dotRowBlock(g, 1)
	g.op("ADDQ R9, DI")
	g.op("ADDQ R8, SI")
	g.op("DECQ R10")
	g.op("JMP nt_rows1")

	g.label("nt_done")
	g.op("VZEROUPPER")
	g.op("RET")
}

func dotRowBlock(g *asm, mr int) {
	p := fmt.Sprintf("nt%d", mr)
	g.comment(fmt.Sprintf("rows block of %d", mr))
	g.op("MOVQ DI, R11")
	g.op("MOVQ b_base+48(FP), R12")
	g.op("MOVQ n+80(FP), DX")
	g.label(p + "_c4")
	g.op("CMPQ DX, $4")
	g.op("JLT %s_c1", p)
	dotTile(g, mr, 4, p+"_t4")
	g.op("ADDQ $32, R11")
	g.op("LEAQ (R12)(R8*4), R12")
	g.op("SUBQ $4, DX")
	g.op("JMP %s_c4", p)
	g.label(p + "_c1")
	g.op("TESTQ DX, DX")
	g.op("JZ %s_end", p)
	dotTile(g, mr, 1, p+"_t1")
	g.op("ADDQ $8, R11")
	g.op("ADDQ R8, R12")
	g.op("DECQ DX")
	g.op("JMP %s_c1", p)
	g.label(p + "_end")
}

func dotRowAddr(base, stride, stride3 string, r int) string {
	switch r {
	case 0:
		return fmt.Sprintf("(%s)", base)
	case 1:
		return fmt.Sprintf("(%s)(%s*1)", base, stride)
	case 2:
		return fmt.Sprintf("(%s)(%s*2)", base, stride)
	default:
		return fmt.Sprintf("(%s)(%s*1)", base, stride3)
	}
}

func dotTile(g *asm, mr, nr int, p string) {
	acc := func(r, j int) string { return fmt.Sprintf("Y%d", r*nr+j) }
	aReg := func(r int) string { return fmt.Sprintf("Y%d", 12+r) }
	for r := 0; r < mr; r++ {
		for j := 0; j < nr; j++ {
			g.op("VXORPD %s, %s, %s", acc(r, j), acc(r, j), acc(r, j))
		}
	}
	g.op("MOVQ SI, AX")
	g.op("MOVQ R12, BX")
	g.op("MOVQ k+88(FP), CX")
	g.op("SHRQ $2, CX")
	g.op("JZ %s_tail", p)
	g.label(p + "_p")
	for r := 0; r < mr; r++ {
		g.op("VMOVUPD %s, %s", dotRowAddr("AX", "R8", "", r), aReg(r))
	}
	for j := 0; j < nr; j++ {
		g.op("VMOVUPD %s, Y15", dotRowAddr("BX", "R8", "R13", j))
		for r := 0; r < mr; r++ {
			g.op("VFMADD231PD Y15, %s, %s", aReg(r), acc(r, j))
		}
	}
	g.op("ADDQ $32, AX")
	g.op("ADDQ $32, BX")
	g.op("DECQ CX")
	g.op("JNZ %s_p", p)

	// The tail reads only the k mod 4 valid lanes; the others load as zero,
	// so nothing past the end of a or b is touched. Y15 doubles as the mask
	// and the b vector, so the mask is reloaded for every column.
	g.label(p + "_tail")
	g.op("MOVQ k+88(FP), CX")
	g.op("ANDQ $3, CX")
	g.op("JZ %s_reduce", p)
	g.op("VMOVUPD (R14), Y15")
	for r := 0; r < mr; r++ {
		g.op("VMASKMOVPD %s, Y15, %s", dotRowAddr("AX", "R8", "", r), aReg(r))
	}
	for j := 0; j < nr; j++ {
		if j > 0 {
			g.op("VMOVUPD (R14), Y15")
		}
		g.op("VMASKMOVPD %s, Y15, Y15", dotRowAddr("BX", "R8", "R13", j))
		for r := 0; r < mr; r++ {
			g.op("VFMADD231PD Y15, %s, %s", aReg(r), acc(r, j))
		}
	}

	// Each element is summed as (lane0+lane1)+(lane2+lane3) in both tile
	// widths, so a value does not depend on which tile computed it.
	g.label(p + "_reduce")
	for r := 0; r < mr; r++ {
		cAddr := dotRowAddr("R11", "R9", "", r)
		if nr == 4 {
			a0, a1, a2, a3 := acc(r, 0), acc(r, 1), acc(r, 2), acc(r, 3)
			g.op("VHADDPD %s, %s, %s", a1, a0, a0) // [a01 b01 a23 b23]
			g.op("VHADDPD %s, %s, %s", a3, a2, a2) // [c01 d01 c23 d23]
			g.op("VPERM2F128 $0x21, %s, %s, %s", a2, a0, a1)
			g.op("VBLENDPD $0x0c, %s, %s, %s", a2, a0, a3)
			g.op("VADDPD %s, %s, %s", a1, a3, a0)
			g.op("VMOVUPD %s, %s", a0, cAddr)
		} else {
			y := acc(r, 0)
			x := fmt.Sprintf("X%d", r)
			g.op("VHADDPD %s, %s, %s", y, y, y)
			g.op("VEXTRACTF128 $1, %s, X15", y)
			g.op("VADDSD X15, %s, %s", x, x)
			g.op("VMOVSD %s, %s", x, cAddr)
		}
	}
}

// genAdam writes adamAVX2, the vector body of Adam over the first len(w)/4·4
// elements, with the operation order documented on Adam.
func genAdam(g *asm) {
	g.buf.WriteString(`
// func adamAVX2(w, g, m, v []float64, p *adamParams)
TEXT ·adamAVX2(SB), NOSPLIT, $0-104
`)
	g.op("MOVQ w_base+0(FP), DI")
	g.op("MOVQ g_base+24(FP), SI")
	g.op("MOVQ m_base+48(FP), DX")
	g.op("MOVQ v_base+72(FP), R8")
	g.op("MOVQ p+96(FP), AX")
	g.op("MOVQ w_len+8(FP), CX")
	g.op("SHRQ $2, CX")
	g.op("JZ adam_done")
	for i, name := range []string{"beta1", "beta2", "1-beta1", "1-beta2", "-lr/bc1", "1/sqrt(bc2)", "eps"} {
		g.op("VBROADCASTSD %d(AX), Y%d // %s", 8*i, 8+i, name)
	}
	g.op("XORQ BX, BX")
	g.label("adam_loop")
	g.op("VMOVUPD (SI)(BX*1), Y0")
	g.op("VMULPD Y0, Y10, Y1")
	g.op("VFMADD231PD (DX)(BX*1), Y8, Y1")
	g.op("VMULPD Y0, Y11, Y2")
	g.op("VMULPD Y0, Y2, Y2")
	g.op("VFMADD231PD (R8)(BX*1), Y9, Y2")
	g.op("VMOVUPD Y1, (DX)(BX*1)")
	g.op("VMOVUPD Y2, (R8)(BX*1)")
	g.op("VSQRTPD Y2, Y3")
	g.op("VFMADD213PD Y14, Y13, Y3")
	g.op("VDIVPD Y3, Y1, Y4")
	g.op("VMOVUPD (DI)(BX*1), Y5")
	g.op("VFMADD231PD Y4, Y12, Y5")
	g.op("VMOVUPD Y5, (DI)(BX*1)")
	g.op("ADDQ $32, BX")
	g.op("DECQ CX")
	g.op("JNZ adam_loop")
	g.label("adam_done")
	g.op("VZEROUPPER")
	g.op("RET")
}
