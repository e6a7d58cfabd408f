#include "textflag.h"

// The constants of umapRepel4AVX, broadcast from memory.
DATA umapConsts<>+0(SB)/8, $0x7ff
DATA umapConsts<>+8(SB)/8, $0x000fffffffffffff
DATA umapConsts<>+16(SB)/8, $0x6a09e667f3bcd
DATA umapConsts<>+24(SB)/8, $1023
DATA umapConsts<>+32(SB)/8, $0x4338000000000000
DATA umapConsts<>+40(SB)/8, $0x3ff0000000000000
DATA umapConsts<>+48(SB)/8, $0x3fe0000e9d793848
DATA umapConsts<>+56(SB)/8, $0x3fefffffae1cac9a
DATA umapConsts<>+64(SB)/8, $0x3fcff22a61e6c8bc
DATA umapConsts<>+72(SB)/8, $0x3fd555b8195eaac6
DATA umapConsts<>+80(SB)/8, $0x3fc6398ed6e9fbdf
DATA umapConsts<>+88(SB)/8, $0x3fc97408fcec44a5
DATA umapConsts<>+96(SB)/8, $0x3fb96103803fa75e
DATA umapConsts<>+104(SB)/8, $0x3fc4e9d16e2ccb24
DATA umapConsts<>+112(SB)/8, $0x3fe62e42fefa39ef
DATA umapConsts<>+120(SB)/8, $0x3ff71547652b82fe
DATA umapConsts<>+128(SB)/8, $0x8000000000000000
DATA umapConsts<>+136(SB)/8, $0x3fe0000000000000
DATA umapConsts<>+144(SB)/8, $0xc08fe00000000000
DATA umapConsts<>+152(SB)/8, $0x408fe00000000000
DATA umapConsts<>+160(SB)/8, $0x3fe62e42fee00000
DATA umapConsts<>+168(SB)/8, $0x3dea39ef35793c76
DATA umapConsts<>+176(SB)/8, $0x3ff000000a209c49
DATA umapConsts<>+184(SB)/8, $0x3feffffffffa70b4
DATA umapConsts<>+192(SB)/8, $0x3fc555404314d575
DATA umapConsts<>+200(SB)/8, $0x3fe0000005c8e568
DATA umapConsts<>+208(SB)/8, $0x3f8126fac5791303
DATA umapConsts<>+216(SB)/8, $0x3fa5554649ac7900
DATA umapConsts<>+224(SB)/8, $0x3f56da7575de9770
DATA umapConsts<>+232(SB)/8, $0x3f50624dd2f1a9fc
DATA umapConsts<>+240(SB)/8, $0x4010000000000000
DATA umapConsts<>+248(SB)/8, $0xc010000000000000
GLOBL umapConsts<>(SB), RODATA|NOPTR, $256

// func umapRepel4AVX(d2, dx, dy, tx, ty *[4]float64, b, a, repel, alpha float64) bool
//
// The repulsive terms of four negative samples, lane by lane the same
// operations in the same order as umapLayout.repelTerms (powPos, then
// coef = repel / ((0.001 + d2) (a d2^b + 1)), then clip(coef dx) alpha and
// clip(coef dy) alpha), without fused multiply-adds, so the results are
// bit for bit those of the portable code. It returns false, writing
// nothing, when a lane needs powPos's math.Pow fallback.
TEXT ·umapRepel4AVX(SB), NOSPLIT, $0-73
	MOVQ d2+0(FP), SI
	VMOVUPD (SI), Y0                 // x = d2

	// Exponent field; a zero or all-ones field falls back.
	VPSRLQ $52, Y0, Y1
	VPBROADCASTQ umapConsts<>+0(SB), Y2
	VPAND  Y2, Y1, Y1
	VPCMPEQQ Y2, Y1, Y3
	VPXOR  Y4, Y4, Y4
	VPCMPEQQ Y4, Y1, Y4
	VPOR   Y4, Y3, Y3
	VMOVMSKPD Y3, AX
	TESTL  AX, AX
	JNZ    fail

	// m = mantissa with exponent 0, halved (exponent -1) above sqrt 2.
	VPBROADCASTQ umapConsts<>+8(SB), Y2
	VPAND  Y2, Y0, Y2                // mant
	VPBROADCASTQ umapConsts<>+16(SB), Y3
	VPSUBQ Y2, Y3, Y3
	VPSRLQ $63, Y3, Y3               // above: 1 when mant > sqrt 2's
	VPBROADCASTQ umapConsts<>+24(SB), Y4
	VPSUBQ Y3, Y4, Y5
	VPSLLQ $52, Y5, Y5
	VPOR   Y5, Y2, Y2                // m
	VPSUBQ Y4, Y1, Y1
	VPADDQ Y3, Y1, Y1                // e = field - 1023 + above
	VPBROADCASTQ umapConsts<>+32(SB), Y6 // 1.5 2^52: small integers to doubles and back
	VPADDQ Y6, Y1, Y1
	VSUBPD Y6, Y1, Y1                // float64(e)
	VPBROADCASTQ umapConsts<>+40(SB), Y7 // 1.0
	VSUBPD Y7, Y2, Y2                // u = m - 1
	VMULPD Y2, Y2, Y3                // u2
	VMULPD Y3, Y3, Y5                // u4

	// q0 = (c0 - k1 u) + (c2 - k3 u) u2
	VPBROADCASTQ umapConsts<>+48(SB), Y8
	VMULPD Y2, Y8, Y8
	VPBROADCASTQ umapConsts<>+56(SB), Y9
	VSUBPD Y8, Y9, Y9
	VPBROADCASTQ umapConsts<>+64(SB), Y8
	VMULPD Y2, Y8, Y8
	VPBROADCASTQ umapConsts<>+72(SB), Y10
	VSUBPD Y8, Y10, Y10
	VMULPD Y3, Y10, Y10
	VADDPD Y10, Y9, Y9
	// q1 = (c4 - k5 u) + (c6 - k7 u) u2
	VPBROADCASTQ umapConsts<>+80(SB), Y8
	VMULPD Y2, Y8, Y8
	VPBROADCASTQ umapConsts<>+88(SB), Y10
	VSUBPD Y8, Y10, Y10
	VPBROADCASTQ umapConsts<>+96(SB), Y8
	VMULPD Y2, Y8, Y8
	VPBROADCASTQ umapConsts<>+104(SB), Y11
	VSUBPD Y8, Y11, Y11
	VMULPD Y3, Y11, Y11
	VADDPD Y11, Y10, Y10
	// lg = u (q0 + q1 u4) + e ln2
	VMULPD Y5, Y10, Y10
	VADDPD Y10, Y9, Y9
	VMULPD Y9, Y2, Y9
	VPBROADCASTQ umapConsts<>+112(SB), Y8
	VMULPD Y8, Y1, Y8
	VADDPD Y8, Y9, Y9

	// z = b lg; k = trunc(z log2e ± 0.5), within ±1020.
	VBROADCASTSD b+40(FP), Y8
	VMULPD Y9, Y8, Y9                // z
	VPBROADCASTQ umapConsts<>+120(SB), Y8
	VMULPD Y8, Y9, Y10               // kf
	VPBROADCASTQ umapConsts<>+128(SB), Y8
	VANDPD Y8, Y10, Y11
	VPBROADCASTQ umapConsts<>+136(SB), Y8
	VORPD  Y8, Y11, Y11              // copysign(0.5, kf)
	VADDPD Y11, Y10, Y11
	VROUNDPD $3, Y11, Y11            // float64(k)
	VPBROADCASTQ umapConsts<>+144(SB), Y8
	VCMPPD $1, Y8, Y11, Y12          // k < -1020
	VPBROADCASTQ umapConsts<>+152(SB), Y8
	VCMPPD $1, Y11, Y8, Y13          // 1020 < k
	VORPD  Y13, Y12, Y12
	VMOVMSKPD Y12, AX
	TESTL  AX, AX
	JNZ    fail

	// r = z - k ln2hi - k ln2lo
	VPBROADCASTQ umapConsts<>+160(SB), Y8
	VMULPD Y8, Y11, Y8
	VSUBPD Y8, Y9, Y12
	VPBROADCASTQ umapConsts<>+168(SB), Y8
	VMULPD Y8, Y11, Y8
	VSUBPD Y8, Y12, Y12              // r
	VMULPD Y12, Y12, Y13             // r2
	VMULPD Y13, Y13, Y14             // r4
	// p = ((e0 + e1 r) + (e2 + e3 r) r2) + ((e4 + e5 r) + e6 r2) r4
	VPBROADCASTQ umapConsts<>+176(SB), Y8
	VMULPD Y12, Y8, Y8
	VPBROADCASTQ umapConsts<>+184(SB), Y15
	VADDPD Y8, Y15, Y15
	VPBROADCASTQ umapConsts<>+192(SB), Y8
	VMULPD Y12, Y8, Y8
	VPBROADCASTQ umapConsts<>+200(SB), Y10
	VADDPD Y8, Y10, Y10
	VMULPD Y13, Y10, Y10
	VADDPD Y10, Y15, Y15
	VPBROADCASTQ umapConsts<>+208(SB), Y8
	VMULPD Y12, Y8, Y8
	VPBROADCASTQ umapConsts<>+216(SB), Y10
	VADDPD Y8, Y10, Y10
	VPBROADCASTQ umapConsts<>+224(SB), Y8
	VMULPD Y13, Y8, Y8
	VADDPD Y8, Y10, Y10
	VMULPD Y14, Y10, Y10
	VADDPD Y10, Y15, Y15             // p
	// pb = p 2^k
	VADDPD Y6, Y11, Y8
	VPSUBQ Y6, Y8, Y8                // k as an integer
	VPADDQ Y4, Y8, Y8
	VPSLLQ $52, Y8, Y8
	VMULPD Y8, Y15, Y15              // pb = d2^b

	// coef = repel / ((0.001 + d2) (a pb + 1))
	VPBROADCASTQ umapConsts<>+232(SB), Y8
	VADDPD Y0, Y8, Y8
	VBROADCASTSD a+48(FP), Y9
	VMULPD Y15, Y9, Y9
	VADDPD Y7, Y9, Y9
	VMULPD Y9, Y8, Y8
	VBROADCASTSD repel+56(FP), Y9
	VDIVPD Y8, Y9, Y9                // coef

	// tx = clip(coef dx) alpha, ty = clip(coef dy) alpha
	VPBROADCASTQ umapConsts<>+240(SB), Y11 // 4
	VPBROADCASTQ umapConsts<>+248(SB), Y12 // -4
	VBROADCASTSD alpha+64(FP), Y13
	MOVQ dx+8(FP), SI
	VMOVUPD (SI), Y10
	VMULPD Y10, Y9, Y10
	VMINPD Y11, Y10, Y10
	VMAXPD Y12, Y10, Y10
	VMULPD Y13, Y10, Y10
	MOVQ tx+24(FP), DI
	VMOVUPD Y10, (DI)
	MOVQ dy+16(FP), SI
	VMOVUPD (SI), Y10
	VMULPD Y10, Y9, Y10
	VMINPD Y11, Y10, Y10
	VMAXPD Y12, Y10, Y10
	VMULPD Y13, Y10, Y10
	MOVQ ty+32(FP), DI
	VMOVUPD Y10, (DI)
	VZEROUPPER
	MOVB $1, ret+72(FP)
	RET

fail:
	VZEROUPPER
	MOVB $0, ret+72(FP)
	RET
