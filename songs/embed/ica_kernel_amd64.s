#include "textflag.h"

// func icaCPUID(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·icaCPUID(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func icaXGETBV() (eax, edx uint32)
TEXT ·icaXGETBV(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET

// func projRowAVX(y, x, w *float64, k, xs, m int)
//
// y[t] = sum_{j<k} w[j] * x[j*xs + t] for t in [0, m); m is a multiple of
// 32 and k >= 1. The sum runs over j in order, one fused multiply-add per
// term.
TEXT ·projRowAVX(SB), NOSPLIT, $0-48
	MOVQ y+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ w+16(FP), DX
	MOVQ k+24(FP), CX
	MOVQ xs+32(FP), R8
	SHLQ $3, R8
	MOVQ m+40(FP), R9
	XORQ BX, BX

ploop:
	CMPQ BX, R9
	JGE  pdone
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	LEAQ (SI)(BX*8), R10
	MOVQ DX, R11
	MOVQ CX, R12

pj:
	VBROADCASTSD (R11), Y8
	VFMADD231PD 0(R10), Y8, Y0
	VFMADD231PD 32(R10), Y8, Y1
	VFMADD231PD 64(R10), Y8, Y2
	VFMADD231PD 96(R10), Y8, Y3
	VFMADD231PD 128(R10), Y8, Y4
	VFMADD231PD 160(R10), Y8, Y5
	VFMADD231PD 192(R10), Y8, Y6
	VFMADD231PD 224(R10), Y8, Y7
	ADDQ $8, R11
	ADDQ R8, R10
	DECQ R12
	JNZ  pj

	LEAQ (DI)(BX*8), R13
	VMOVUPD Y0, 0(R13)
	VMOVUPD Y1, 32(R13)
	VMOVUPD Y2, 64(R13)
	VMOVUPD Y3, 96(R13)
	VMOVUPD Y4, 128(R13)
	VMOVUPD Y5, 160(R13)
	VMOVUPD Y6, 192(R13)
	VMOVUPD Y7, 224(R13)
	ADDQ $32, BX
	JMP  ploop

pdone:
	VZEROUPPER
	RET

// func gram4AVX(out, y, x *float64, xs, m int)
//
// out[4a + l] = sum over t = l mod 4 of y[t] * x[a*xs + t], for a < 4,
// lanes l < 4 and t in [0, m); m is a multiple of 8.
TEXT ·gram4AVX(SB), NOSPLIT, $0-40
	MOVQ out+0(FP), DX
	MOVQ y+8(FP), DI
	MOVQ x+16(FP), R10
	MOVQ xs+24(FP), R8
	SHLQ $3, R8
	MOVQ m+32(FP), R9
	SHLQ $3, R9
	LEAQ (R10)(R8*1), R11
	LEAQ (R11)(R8*1), R12
	LEAQ (R12)(R8*1), R13
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	XORQ BX, BX

gloop:
	CMPQ BX, R9
	JGE  gdone
	VMOVUPD 0(DI)(BX*1), Y8
	VMOVUPD 32(DI)(BX*1), Y9
	VFMADD231PD 0(R10)(BX*1), Y8, Y0
	VFMADD231PD 0(R11)(BX*1), Y8, Y1
	VFMADD231PD 0(R12)(BX*1), Y8, Y2
	VFMADD231PD 0(R13)(BX*1), Y8, Y3
	VFMADD231PD 32(R10)(BX*1), Y9, Y4
	VFMADD231PD 32(R11)(BX*1), Y9, Y5
	VFMADD231PD 32(R12)(BX*1), Y9, Y6
	VFMADD231PD 32(R13)(BX*1), Y9, Y7
	ADDQ $64, BX
	JMP  gloop

gdone:
	VADDPD Y4, Y0, Y0
	VADDPD Y5, Y1, Y1
	VADDPD Y6, Y2, Y2
	VADDPD Y7, Y3, Y3
	VMOVUPD Y0, 0(DX)
	VMOVUPD Y1, 32(DX)
	VMOVUPD Y2, 64(DX)
	VMOVUPD Y3, 96(DX)
	VZEROUPPER
	RET

// func tanhAVX(y *float64, m int, alpha float64, tab, sq *float64)
//
// y[t] = tanh(alpha*y[t]) for t in [0, m), m a multiple of 4, and
// sq[l] = sum of y[t]^2 over t = l mod 4 after the update. tab holds the
// constants of icaTanhTab, each repeated four times.
//
// tanh(u) = sign(u) (1 - e) / (1 + e) with e = exp(-2 min(|u|, 20)); exp
// reduces its argument by Cody and Waite's two-part ln 2 and evaluates
// Taylor's series to degree 12 on |r| <= ln(2)/2.
TEXT ·tanhAVX(SB), NOSPLIT, $0-40
	MOVQ y+0(FP), DI
	MOVQ m+8(FP), CX
	VBROADCASTSD alpha+16(FP), Y7
	MOVQ tab+24(FP), SI
	MOVQ sq+32(FP), DX
	VXORPD Y6, Y6, Y6
	XORQ BX, BX

tloop:
	CMPQ BX, CX
	JGE  tdone
	VMULPD (DI)(BX*8), Y7, Y0
	VANDPD 0(SI), Y0, Y1
	VMINPD 64(SI), Y1, Y1
	VMULPD 96(SI), Y1, Y2
	VADDPD 128(SI), Y2, Y2
	VSUBPD 128(SI), Y2, Y3
	VMULPD 160(SI), Y1, Y1
	VFNMADD231PD 192(SI), Y3, Y1
	VFNMADD231PD 224(SI), Y3, Y1
	VMOVUPD 320(SI), Y4
	VFMADD213PD 352(SI), Y1, Y4
	VFMADD213PD 384(SI), Y1, Y4
	VFMADD213PD 416(SI), Y1, Y4
	VFMADD213PD 448(SI), Y1, Y4
	VFMADD213PD 480(SI), Y1, Y4
	VFMADD213PD 512(SI), Y1, Y4
	VFMADD213PD 544(SI), Y1, Y4
	VFMADD213PD 576(SI), Y1, Y4
	VFMADD213PD 608(SI), Y1, Y4
	VFMADD213PD 640(SI), Y1, Y4
	VFMADD213PD 672(SI), Y1, Y4
	VFMADD213PD 704(SI), Y1, Y4
	VPADDQ 288(SI), Y2, Y2
	VPSLLQ $52, Y2, Y2
	VMULPD Y2, Y4, Y4
	VMOVUPD 256(SI), Y5
	VSUBPD Y4, Y5, Y3
	VADDPD Y4, Y5, Y5
	VDIVPD Y5, Y3, Y3
	VANDPD 32(SI), Y0, Y0
	VORPD Y0, Y3, Y3
	VMOVUPD Y3, (DI)(BX*8)
	VFMADD231PD Y3, Y3, Y6
	ADDQ $4, BX
	JMP  tloop

tdone:
	VMOVUPD Y6, (DX)
	VZEROUPPER
	RET
