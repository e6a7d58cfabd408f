//go:build !noasm

package embed

//go:noescape
func umapRepel4AVX(d2, dx, dy, tx, ty *[4]float64, b, a, repel, alpha float64) bool

// repel4 evaluates four negative samples at positive distances with the
// AVX2 kernel, with the bits of repelTermsGo, where the processor has it;
// it reports false, leaving the moves to repelTermsGo, where it has not or
// when a lane needs powPos's math.Pow fallback.
func repel4(bt *repelBatch, b, a, repel, alpha float64) bool {
	return useAVX2FMA && umapRepel4AVX(&bt.d2, &bt.dx, &bt.dy, &bt.tx, &bt.ty, b, a, repel, alpha)
}
