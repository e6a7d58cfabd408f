//go:build !noasm

#include "textflag.h"

// Both kernels keep the squared distances of four rows to a group of four
// centres in Y0..Y3 (row a in Y(a)), the centre group at DX, advanced by
// R13 bytes a feature.

// ZERO4 clears the four sums.
#define ZERO4 \
	VXORPD Y0, Y0, Y0; \
	VXORPD Y1, Y1, Y1; \
	VXORPD Y2, Y2, Y2; \
	VXORPD Y3, Y3, Y3

// SQDIFF4 adds the squared differences of one feature of the four rows at
// a0..a3 to the centres at DX: one rounding each for the subtraction and
// the fused multiply-add (Y4..Y8 are scratch).
#define SQDIFF4(a0, a1, a2, a3) \
	VMOVUPD      (DX), Y8; \
	VBROADCASTSD a0, Y4; \
	VBROADCASTSD a1, Y5; \
	VBROADCASTSD a2, Y6; \
	VBROADCASTSD a3, Y7; \
	VSUBPD       Y8, Y4, Y4; \
	VSUBPD       Y8, Y5, Y5; \
	VSUBPD       Y8, Y6, Y6; \
	VSUBPD       Y8, Y7, Y7; \
	VFMADD231PD  Y4, Y4, Y0; \
	VFMADD231PD  Y5, Y5, Y1; \
	VFMADD231PD  Y6, Y6, Y2; \
	VFMADD231PD  Y7, Y7, Y3

// SQDIFF1 adds the squared differences of one feature of the row at a to
// the centres at DX into Y0.
#define SQDIFF1(a) \
	VBROADCASTSD a, Y4; \
	VSUBPD       (DX), Y4, Y4; \
	VFMADD231PD  Y4, Y4, Y0

// STORE4 writes the four sums to the rows of out at R11 + BX, R13 bytes
// apart (tmp is scratch).
#define STORE4(tmp) \
	LEAQ    (R11)(BX*1), tmp; \
	VMOVUPD Y0, (tmp); \
	VMOVUPD Y1, (tmp)(R13*1); \
	VMOVUPD Y2, (tmp)(R13*2); \
	LEAQ    (tmp)(R13*2), tmp; \
	VMOVUPD Y3, (tmp)(R13*1)


// func kmDistsAVX(x *float64, rows, d int, ct *float64, kp int, out *float64)
//
// For every row r < rows of x (row-major, d columns) and every j < kp (a
// multiple of 4):
//   out[r*kp + j] = sum over f in order of (x[r*d+f] - ct[f*kp+j])²
// with a rounding after each subtraction and each fused multiply-add
// (VSUBPD, VFMADD231PD), as kmDistsGo. Rows go four at a
// time (four independent sums per centre group), then one at a time.
TEXT ·kmDistsAVX(SB), NOSPLIT, $0-48
	MOVQ x+0(FP), SI
	MOVQ rows+8(FP), R8
	MOVQ d+16(FP), R9
	MOVQ ct+24(FP), DI
	MOVQ kp+32(FP), R10
	MOVQ out+40(FP), R11
	MOVQ R9, R12
	SHLQ $3, R12          // row stride of x in bytes
	MOVQ R10, R13
	SHLQ $3, R13          // row stride of ct and out in bytes
	LEAQ (R12)(R12*2), R15 // three rows of x

rows4:
	CMPQ R8, $4
	JLT  rows1
	XORQ BX, BX           // centre group offset in bytes

group4:
	ZERO4
	MOVQ SI, AX
	LEAQ (DI)(BX*1), DX
	MOVQ R9, CX

feat4:
	SQDIFF4((AX), (AX)(R12*1), (AX)(R12*2), (AX)(R15*1))
	ADDQ         $8, AX
	ADDQ         R13, DX
	DECQ         CX
	JNZ          feat4

	STORE4(R14)
	ADDQ    $32, BX
	CMPQ    BX, R13
	JLT     group4

	LEAQ (SI)(R12*4), SI
	LEAQ (R11)(R13*4), R11
	SUBQ $4, R8
	JMP  rows4

rows1:
	CMPQ R8, $0
	JLE  done
	XORQ BX, BX

group1:
	VXORPD Y0, Y0, Y0
	MOVQ   SI, AX
	LEAQ   (DI)(BX*1), DX
	MOVQ   R9, CX

feat1:
	SQDIFF1((AX))
	ADDQ         $8, AX
	ADDQ         R13, DX
	DECQ         CX
	JNZ          feat1

	VMOVUPD Y0, (R11)(BX*1)
	ADDQ    $32, BX
	CMPQ    BX, R13
	JLT     group1

	ADDQ R12, SI
	ADDQ R13, R11
	DECQ R8
	JMP  rows1

done:
	VZEROUPPER
	RET

// func kmDistsIdxAVX(x *float64, idx *int32, rows, d int, ct *float64, kp int, out *float64)
//
// kmDistsAVX for the rows idx[0..rows-1] of x, read in place: out[r*kp + j]
// is the squared distance from row idx[r] of x to column j of ct, with the
// same arithmetic.
TEXT ·kmDistsIdxAVX(SB), NOSPLIT, $0-56
	MOVQ x+0(FP), SI
	MOVQ idx+8(FP), R10
	MOVQ rows+16(FP), R8
	MOVQ d+24(FP), R9
	SHLQ $3, R9           // row length of x in bytes
	MOVQ ct+32(FP), DI
	MOVQ kp+40(FP), R13
	SHLQ $3, R13          // row stride of ct and out in bytes
	MOVQ out+48(FP), R11

irows4:
	CMPQ   R8, $4
	JLT    irows1
	MOVLQSX (R10), AX
	IMULQ  R9, AX
	ADDQ   SI, AX
	MOVLQSX 4(R10), R12
	IMULQ  R9, R12
	ADDQ   SI, R12
	MOVLQSX 8(R10), R14
	IMULQ  R9, R14
	ADDQ   SI, R14
	MOVLQSX 12(R10), R15
	IMULQ  R9, R15
	ADDQ   SI, R15
	XORQ   BX, BX

igroup4:
	ZERO4
	LEAQ   (DI)(BX*1), DX
	XORQ   CX, CX

ifeat4:
	SQDIFF4((AX)(CX*1), (R12)(CX*1), (R14)(CX*1), (R15)(CX*1))
	ADDQ         $8, CX
	ADDQ         R13, DX
	CMPQ         CX, R9
	JLT          ifeat4

	STORE4(DX)
	ADDQ    $32, BX
	CMPQ    BX, R13
	JLT     igroup4

	ADDQ $16, R10
	LEAQ (R11)(R13*4), R11
	SUBQ $4, R8
	JMP  irows4

irows1:
	CMPQ   R8, $0
	JLE    idone
	MOVLQSX (R10), AX
	IMULQ  R9, AX
	ADDQ   SI, AX
	XORQ   BX, BX

igroup1:
	VXORPD Y0, Y0, Y0
	LEAQ   (DI)(BX*1), DX
	XORQ   CX, CX

ifeat1:
	SQDIFF1((AX)(CX*1))
	ADDQ         $8, CX
	ADDQ         R13, DX
	CMPQ         CX, R9
	JLT          ifeat1

	VMOVUPD Y0, (R11)(BX*1)
	ADDQ    $32, BX
	CMPQ    BX, R13
	JLT     igroup1

	ADDQ $4, R10
	ADDQ R13, R11
	DECQ R8
	JMP  irows1

idone:
	VZEROUPPER
	RET
