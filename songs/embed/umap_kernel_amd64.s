//go:build !noasm

#include "textflag.h"

// The constants of umapRepel4AVX, broadcast from memory; the names give
// their offsets.
#define EXP_FIELD 0
#define MANTISSA 8
#define SQRT2_MANTISSA 16
#define BIAS 24
#define MAGIC 32
#define ONE 40
#define LOG_K1 48
#define LOG_C0 56
#define LOG_K3 64
#define LOG_C2 72
#define LOG_K5 80
#define LOG_C4 88
#define LOG_K7 96
#define LOG_C6 104
#define LN2 112
#define LOG2E 120
#define SIGN 128
#define HALF 136
#define K_MIN 144
#define K_MAX 152
#define LN2_HI 160
#define LN2_LO 168
#define EXP_C1 176
#define EXP_C0 184
#define EXP_C3 192
#define EXP_C2 200
#define EXP_C5 208
#define EXP_C4 216
#define EXP_C6 224
#define MILLI 232
#define FOUR 240
#define MINUS_FOUR 248
DATA umapConsts<>+EXP_FIELD(SB)/8, $0x7ff
DATA umapConsts<>+MANTISSA(SB)/8, $0x000fffffffffffff
DATA umapConsts<>+SQRT2_MANTISSA(SB)/8, $0x6a09e667f3bcd
DATA umapConsts<>+BIAS(SB)/8, $1023
DATA umapConsts<>+MAGIC(SB)/8, $0x4338000000000000     // 1.5 2^52
DATA umapConsts<>+ONE(SB)/8, $0x3ff0000000000000
DATA umapConsts<>+LOG_K1(SB)/8, $0x3fe0000e9d793848    // 0.5000069690374938
DATA umapConsts<>+LOG_C0(SB)/8, $0x3fefffffae1cac9a    // 0.9999998474717302
DATA umapConsts<>+LOG_K3(SB)/8, $0x3fcff22a61e6c8bc    // 0.24957780628534987
DATA umapConsts<>+LOG_C2(SB)/8, $0x3fd555b8195eaac6    // 0.3333568809272659
DATA umapConsts<>+LOG_K5(SB)/8, $0x3fc6398ed6e9fbdf    // 0.17363152974937088
DATA umapConsts<>+LOG_C4(SB)/8, $0x3fc97408fcec44a5    // 0.19885361051323006
DATA umapConsts<>+LOG_K7(SB)/8, $0x3fb96103803fa75e    // 0.09913656121321199
DATA umapConsts<>+LOG_C6(SB)/8, $0x3fc4e9d16e2ccb24    // 0.16338556174886165
DATA umapConsts<>+LN2(SB)/8, $0x3fe62e42fefa39ef       // math.Ln2
DATA umapConsts<>+LOG2E(SB)/8, $0x3ff71547652b82fe     // 1.4426950408889634
DATA umapConsts<>+SIGN(SB)/8, $0x8000000000000000
DATA umapConsts<>+HALF(SB)/8, $0x3fe0000000000000
DATA umapConsts<>+K_MIN(SB)/8, $0xc08fe00000000000     // -1020
DATA umapConsts<>+K_MAX(SB)/8, $0x408fe00000000000     // 1020
DATA umapConsts<>+LN2_HI(SB)/8, $0x3fe62e42fee00000
DATA umapConsts<>+LN2_LO(SB)/8, $0x3dea39ef35793c76
DATA umapConsts<>+EXP_C1(SB)/8, $0x3ff000000a209c49    // 1.000000037727448
DATA umapConsts<>+EXP_C0(SB)/8, $0x3feffffffffa70b4    // 0.9999999999595475
DATA umapConsts<>+EXP_C3(SB)/8, $0x3fc555404314d575    // 0.166664154772359
DATA umapConsts<>+EXP_C2(SB)/8, $0x3fe0000005c8e568    // 0.5000000107749374
DATA umapConsts<>+EXP_C5(SB)/8, $0x3f8126fac5791303    // 0.008375128890415256
DATA umapConsts<>+EXP_C4(SB)/8, $0x3fa5554649ac7900    // 0.041666218274473366
DATA umapConsts<>+EXP_C6(SB)/8, $0x3f56da7575de9770    // 0.0013948580812921073
DATA umapConsts<>+MILLI(SB)/8, $0x3f50624dd2f1a9fc     // 0.001
DATA umapConsts<>+FOUR(SB)/8, $0x4010000000000000
DATA umapConsts<>+MINUS_FOUR(SB)/8, $0xc010000000000000
GLOBL umapConsts<>(SB), RODATA|NOPTR, $256

#define CONST(name, y) VPBROADCASTQ umapConsts<>+name(SB), y

// C_MINUS_KX sets y = c - k x, and C_PLUS_KX y = c + k x (Y8 is scratch).
#define C_MINUS_KX(c, k, x, y) CONST(k, Y8); VMULPD x, Y8, Y8; CONST(c, y); VSUBPD Y8, y, y
#define C_PLUS_KX(c, k, x, y) CONST(k, Y8); VMULPD x, Y8, Y8; CONST(c, y); VADDPD Y8, y, y

// CLIP_STORE writes clip(coef d) alpha to out for the offsets d at in, with
// coef in Y9, 4 in Y11, -4 in Y12 and alpha in Y13.
#define CLIP_STORE(in, out) MOVQ in, SI; VMOVUPD (SI), Y10; VMULPD Y10, Y9, Y10; VMINPD Y11, Y10, Y10; VMAXPD Y12, Y10, Y10; VMULPD Y13, Y10, Y10; MOVQ out, DI; VMOVUPD Y10, (DI)

// func umapRepel4AVX(d2, dx, dy, tx, ty *[4]float64, b, a, repel, alpha float64) bool
//
// The repulsive terms of four negative samples, lane by lane the same
// operations in the same order as repelTermsGo (powPos, then
// coef = repel / ((0.001 + d2) (a d2^b + 1)), then clip(coef dx) alpha and
// clip(coef dy) alpha), without fused multiply-adds, so the results are
// bit for bit those of the portable code. It returns false, writing
// nothing, when a lane needs powPos's math.Pow fallback.
TEXT ·umapRepel4AVX(SB), NOSPLIT, $0-73
	MOVQ d2+0(FP), SI
	VMOVUPD (SI), Y0                 // x = d2

	// Exponent field; a zero or all-ones field falls back.
	VPSRLQ $52, Y0, Y1
	CONST(EXP_FIELD, Y2)
	VPAND  Y2, Y1, Y1
	VPCMPEQQ Y2, Y1, Y3
	VPXOR  Y4, Y4, Y4
	VPCMPEQQ Y4, Y1, Y4
	VPOR   Y4, Y3, Y3
	VMOVMSKPD Y3, AX
	TESTL  AX, AX
	JNZ    fail

	// x = m 2^e with m in [sqrt(1/2), sqrt 2): the mantissa with exponent
	// 0, halved (exponent -1) above sqrt 2.
	CONST(MANTISSA, Y2)
	VPAND  Y2, Y0, Y2                // mant
	CONST(SQRT2_MANTISSA, Y3)
	VPSUBQ Y2, Y3, Y3
	VPSRLQ $63, Y3, Y3               // above: 1 when mant > sqrt 2's
	CONST(BIAS, Y4)
	VPSUBQ Y3, Y4, Y5
	VPSLLQ $52, Y5, Y5
	VPOR   Y5, Y2, Y2                // m
	VPSUBQ Y4, Y1, Y1
	VPADDQ Y3, Y1, Y1                // e = field - 1023 + above
	CONST(MAGIC, Y6)                 // small integers to doubles and back
	VPADDQ Y6, Y1, Y1
	VSUBPD Y6, Y1, Y1                // float64(e)
	CONST(ONE, Y7)
	VSUBPD Y7, Y2, Y2                // u = m - 1
	VMULPD Y2, Y2, Y3                // u2
	VMULPD Y3, Y3, Y5                // u4

	// log x = u (q0 + q1 u4) + e ln2, q0 = (c0 - k1 u) + (c2 - k3 u) u2,
	// q1 = (c4 - k5 u) + (c6 - k7 u) u2.
	C_MINUS_KX(LOG_C0, LOG_K1, Y2, Y9)
	C_MINUS_KX(LOG_C2, LOG_K3, Y2, Y10)
	VMULPD Y3, Y10, Y10
	VADDPD Y10, Y9, Y9               // q0
	C_MINUS_KX(LOG_C4, LOG_K5, Y2, Y10)
	C_MINUS_KX(LOG_C6, LOG_K7, Y2, Y11)
	VMULPD Y3, Y11, Y11
	VADDPD Y11, Y10, Y10             // q1
	VMULPD Y5, Y10, Y10
	VADDPD Y10, Y9, Y9
	VMULPD Y9, Y2, Y9
	CONST(LN2, Y8)
	VMULPD Y8, Y1, Y8
	VADDPD Y8, Y9, Y9                // log x

	// z = b log x; k = trunc(z log2e ± 0.5), within ±1020.
	VBROADCASTSD b+40(FP), Y8
	VMULPD Y9, Y8, Y9                // z
	CONST(LOG2E, Y8)
	VMULPD Y8, Y9, Y10               // kf
	CONST(SIGN, Y8)
	VANDPD Y8, Y10, Y11
	CONST(HALF, Y8)
	VORPD  Y8, Y11, Y11              // copysign(0.5, kf)
	VADDPD Y11, Y10, Y11
	VROUNDPD $3, Y11, Y11            // float64(k)
	CONST(K_MIN, Y8)
	VCMPPD $1, Y8, Y11, Y12          // k < -1020
	CONST(K_MAX, Y8)
	VCMPPD $1, Y11, Y8, Y13          // 1020 < k
	VORPD  Y13, Y12, Y12
	VMOVMSKPD Y12, AX
	TESTL  AX, AX
	JNZ    fail

	// exp z = 2^k p(r), r = z - k ln2hi - k ln2lo,
	// p = ((e0 + e1 r) + (e2 + e3 r) r2) + ((e4 + e5 r) + e6 r2) r4.
	CONST(LN2_HI, Y8)
	VMULPD Y8, Y11, Y8
	VSUBPD Y8, Y9, Y12
	CONST(LN2_LO, Y8)
	VMULPD Y8, Y11, Y8
	VSUBPD Y8, Y12, Y12              // r
	VMULPD Y12, Y12, Y13             // r2
	VMULPD Y13, Y13, Y14             // r4
	C_PLUS_KX(EXP_C0, EXP_C1, Y12, Y15)
	C_PLUS_KX(EXP_C2, EXP_C3, Y12, Y10)
	VMULPD Y13, Y10, Y10
	VADDPD Y10, Y15, Y15
	C_PLUS_KX(EXP_C4, EXP_C5, Y12, Y10)
	CONST(EXP_C6, Y8)
	VMULPD Y13, Y8, Y8
	VADDPD Y8, Y10, Y10
	VMULPD Y14, Y10, Y10
	VADDPD Y10, Y15, Y15             // p
	VADDPD Y6, Y11, Y8
	VPSUBQ Y6, Y8, Y8                // k as an integer
	VPADDQ Y4, Y8, Y8
	VPSLLQ $52, Y8, Y8               // 2^k
	VMULPD Y8, Y15, Y15              // pb = d2^b

	// coef = repel / ((0.001 + d2) (a pb + 1))
	CONST(MILLI, Y8)
	VADDPD Y0, Y8, Y8
	VBROADCASTSD a+48(FP), Y9
	VMULPD Y15, Y9, Y9
	VADDPD Y7, Y9, Y9
	VMULPD Y9, Y8, Y8
	VBROADCASTSD repel+56(FP), Y9
	VDIVPD Y8, Y9, Y9                // coef

	CONST(FOUR, Y11)
	CONST(MINUS_FOUR, Y12)
	VBROADCASTSD alpha+64(FP), Y13
	CLIP_STORE(dx+8(FP), tx+24(FP))
	CLIP_STORE(dy+16(FP), ty+32(FP))
	VZEROUPPER
	MOVB $1, ret+72(FP)
	RET

fail:
	VZEROUPPER
	MOVB $0, ret+72(FP)
	RET
