//go:build !noasm

#include "textflag.h"

// Both kernels take, for rows BX..BX+7 of a column-major tile at SI
// (columns R12 bytes apart, R11 columns) and the four queries broadcast at
// DI, the values nx[r] - 2 q_a·x_r into Y0..Y7 (query a in Y(2a) for rows
// 0-3 and Y(2a+1) for rows 4-7), the dot products by fused multiply-adds
// in increasing column order from zero, as tileDist4Go. R8 holds nx.

// PRODUCT adds q·x to acc by a fused multiply-add (one rounding).
#define PRODUCT(q, x, acc) \
	VFMADD231PD q, x, acc

// VALUES8 computes the values of rows BX..BX+7 into Y0..Y7 (AX, CX, DX
// and Y8..Y13 are scratch).
#define VALUES8 \
	VXORPD Y0, Y0, Y0; \
	VXORPD Y1, Y1, Y1; \
	VXORPD Y2, Y2, Y2; \
	VXORPD Y3, Y3, Y3; \
	VXORPD Y4, Y4, Y4; \
	VXORPD Y5, Y5, Y5; \
	VXORPD Y6, Y6, Y6; \
	VXORPD Y7, Y7, Y7; \
	LEAQ (SI)(BX*8), AX; \
	MOVQ DI, DX; \
	MOVQ R11, CX; \
dimloop: \
	VMOVUPD (AX), Y8; \
	VMOVUPD 32(AX), Y9; \
	VMOVUPD (DX), Y10; \
	VMOVUPD 32(DX), Y11; \
	VMOVUPD 64(DX), Y12; \
	VMOVUPD 96(DX), Y13; \
	PRODUCT(Y10, Y8, Y0); \
	PRODUCT(Y10, Y9, Y1); \
	PRODUCT(Y11, Y8, Y2); \
	PRODUCT(Y11, Y9, Y3); \
	PRODUCT(Y12, Y8, Y4); \
	PRODUCT(Y12, Y9, Y5); \
	PRODUCT(Y13, Y8, Y6); \
	PRODUCT(Y13, Y9, Y7); \
	ADDQ R12, AX; \
	ADDQ $128, DX; \
	DECQ CX; \
	JNZ  dimloop; \
	VMOVUPD (R8)(BX*8), Y8; \
	VMOVUPD 32(R8)(BX*8), Y9; \
	VADDPD Y0, Y0, Y0; \
	VADDPD Y1, Y1, Y1; \
	VADDPD Y2, Y2, Y2; \
	VADDPD Y3, Y3, Y3; \
	VADDPD Y4, Y4, Y4; \
	VADDPD Y5, Y5, Y5; \
	VADDPD Y6, Y6, Y6; \
	VADDPD Y7, Y7, Y7; \
	VSUBPD Y0, Y8, Y0; \
	VSUBPD Y1, Y9, Y1; \
	VSUBPD Y2, Y8, Y2; \
	VSUBPD Y3, Y9, Y3; \
	VSUBPD Y4, Y8, Y4; \
	VSUBPD Y5, Y9, Y5; \
	VSUBPD Y6, Y8, Y6; \
	VSUBPD Y7, Y9, Y7

// LANE compares the values of one query for eight rows (ya: rows 0-3, yb:
// rows 4-7) with the threshold at off(R13) and stores the mask byte at
// lane(mask)(CX*1): bit i set when row i's value is <= the threshold.
#define LANE(off, ya, yb, mask, lane) \
	VBROADCASTSD off(R13), Y10; \
	VCMPPD $2, Y10, ya, Y12; \
	VCMPPD $2, Y10, yb, Y13; \
	VMOVMSKPD Y12, AX; \
	VMOVMSKPD Y13, DX; \
	SHLQ $4, DX; \
	ORQ DX, AX; \
	MOVB AX, lane(mask)(CX*1)

// MASKS stores the four mask bytes of rows BX..BX+7 against the thresholds
// at off(R13) .. off+24(R13) at mask + BX/2.
#define MASKS(off, mask) \
	MOVQ BX, CX; \
	SHRQ $1, CX; \
	LANE(off, Y0, Y1, mask, 0); \
	LANE(off+8, Y2, Y3, mask, 1); \
	LANE(off+16, Y4, Y5, mask, 2); \
	LANE(off+24, Y6, Y7, mask, 3)

// ANY stores at hits + BX/8 the byte whose bit i is set when a value of
// row i or of row 4+i of the eight is <= its query's threshold at R13.
#define ANY \
	VBROADCASTSD (R13), Y10; \
	VBROADCASTSD 8(R13), Y11; \
	VBROADCASTSD 16(R13), Y12; \
	VBROADCASTSD 24(R13), Y13; \
	VCMPPD $2, Y10, Y0, Y14; \
	VCMPPD $2, Y10, Y1, Y15; \
	VORPD  Y14, Y15, Y15; \
	VCMPPD $2, Y11, Y2, Y14; \
	VORPD  Y14, Y15, Y15; \
	VCMPPD $2, Y11, Y3, Y14; \
	VORPD  Y14, Y15, Y15; \
	VCMPPD $2, Y12, Y4, Y14; \
	VORPD  Y14, Y15, Y15; \
	VCMPPD $2, Y12, Y5, Y14; \
	VORPD  Y14, Y15, Y15; \
	VCMPPD $2, Y13, Y6, Y14; \
	VORPD  Y14, Y15, Y15; \
	VCMPPD $2, Y13, Y7, Y14; \
	VORPD  Y14, Y15, Y15; \
	VMOVMSKPD Y15, AX; \
	MOVQ BX, DX; \
	SHRQ $3, DX; \
	MOVB AX, (R14)(DX*1)

// func tileDist4AVX(xt, qb, nx, out *float64, rows, d, stride int, thr *[4]float64, hits *uint8)
//
// tileDist4Go with the same bits: for r in [0, rows) step 8 and a in 0..3,
//   out[a*stride + r] = nx[r] - 2 * sum_j xt[j*stride + r] * qb[(4j + a)*4]
// (the sum by fused multiply-adds from zero), and in hits[r/8] bit r%4
// when one of the four values of row r is <= thr[a] of its query a. rows
// is a multiple of 8 and d >= 1.
TEXT ·tileDist4AVX(SB), NOSPLIT, $0-72
	MOVQ xt+0(FP), SI
	MOVQ qb+8(FP), DI
	MOVQ nx+16(FP), R8
	MOVQ out+24(FP), R9
	MOVQ rows+32(FP), R10
	MOVQ d+40(FP), R11
	MOVQ stride+48(FP), R12
	SHLQ $3, R12 // stride in bytes
	MOVQ thr+56(FP), R13
	MOVQ hits+64(FP), R14
	XORQ BX, BX

rowloop:
	CMPQ BX, R10
	JGE  done
	VALUES8
	LEAQ    (R9)(BX*8), AX
	VMOVUPD Y0, (AX)
	VMOVUPD Y1, 32(AX)
	ADDQ    R12, AX
	VMOVUPD Y2, (AX)
	VMOVUPD Y3, 32(AX)
	ADDQ    R12, AX
	VMOVUPD Y4, (AX)
	VMOVUPD Y5, 32(AX)
	ADDQ    R12, AX
	VMOVUPD Y6, (AX)
	VMOVUPD Y7, 32(AX)
	ANY
	ADDQ $8, BX
	JMP  rowloop

done:
	VZEROUPPER
	RET

// func tileMask4AVX(xt, qb, nx *float64, rows, d, stride int, thr *[8]float64, hi, lo *uint8)
//
// tileMask4Go with the same bits: for r in [0, rows) step 8 and a in 0..3,
// with e = nx[r] - 2 * sum_j xt[j*stride + r] * qb[(4j + a)*4] as in
// tileDist4AVX, bit r%8 of hi[4*(r/8) + a] set when e <= thr[a] and of
// lo[4*(r/8) + a] when e <= thr[4 + a]. rows is a multiple of 8 and d >= 1.
TEXT ·tileMask4AVX(SB), NOSPLIT, $0-72
	MOVQ xt+0(FP), SI
	MOVQ qb+8(FP), DI
	MOVQ nx+16(FP), R8
	MOVQ rows+24(FP), R10
	MOVQ d+32(FP), R11
	MOVQ stride+40(FP), R12
	SHLQ $3, R12 // stride in bytes
	MOVQ thr+48(FP), R13
	MOVQ hi+56(FP), R14
	MOVQ lo+64(FP), R9
	XORQ BX, BX

rowloop:
	CMPQ BX, R10
	JGE  done
	VALUES8
	MASKS(0, R14)
	MASKS(32, R9)
	ADDQ $8, BX
	JMP  rowloop

done:
	VZEROUPPER
	RET
