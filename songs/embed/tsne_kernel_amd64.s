//go:build !noasm

#include "textflag.h"

// func repulseListAVX(px, py float64, xs, ys, cs *float64, n int) (fx, fy, z float64)
//
// repulse4Go with the same bits: over the n entries (n a multiple of 4),
// entry e in lane e mod 4, with q = 1 / (fma(dy, dy, dx²) + 1):
//   z += c q,  fx = fma(c q², dx, fx),  fy = fma(c q², dy, fy),
// dx = px - x, dy = py - y, the lanes added as (l0 + l2) + (l1 + l3).
TEXT ·repulseListAVX(SB), NOSPLIT, $0-72
	VBROADCASTSD px+0(FP), Y0
	VBROADCASTSD py+8(FP), Y1
	MOVQ xs+16(FP), SI
	MOVQ ys+24(FP), DI
	MOVQ cs+32(FP), DX
	MOVQ n+40(FP), CX
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	MOVQ $0x3ff0000000000000, AX
	MOVQ AX, X5
	VBROADCASTSD X5, Y5
	XORQ BX, BX

loop:
	CMPQ BX, CX
	JGE  done
	VMOVUPD (SI)(BX*8), Y6
	VSUBPD  Y6, Y0, Y6
	VMOVUPD (DI)(BX*8), Y7
	VSUBPD  Y7, Y1, Y7
	VMULPD  Y6, Y6, Y8
	VFMADD231PD Y7, Y7, Y8
	VADDPD  Y5, Y8, Y8
	VDIVPD  Y8, Y5, Y8
	VMOVUPD (DX)(BX*8), Y9
	VMULPD  Y8, Y9, Y9
	VADDPD  Y9, Y4, Y4
	VMULPD  Y8, Y9, Y9
	VFMADD231PD Y9, Y6, Y2
	VFMADD231PD Y9, Y7, Y3
	ADDQ $4, BX
	JMP  loop

done:
	VEXTRACTF128 $1, Y2, X10
	VADDPD X10, X2, X2
	VHADDPD X2, X2, X2
	MOVSD X2, fx+48(FP)
	VEXTRACTF128 $1, Y3, X10
	VADDPD X10, X3, X3
	VHADDPD X3, X3, X3
	MOVSD X3, fy+56(FP)
	VEXTRACTF128 $1, Y4, X10
	VADDPD X10, X4, X4
	VHADDPD X4, X4, X4
	MOVSD X4, z+64(FP)
	VZEROUPPER
	RET
