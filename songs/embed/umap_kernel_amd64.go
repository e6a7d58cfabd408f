package embed

//go:noescape
func umapRepel4AVX(d2, dx, dy, tx, ty *[4]float64, b, a, repel, alpha float64) bool

// repelBatch4 evaluates four negative samples at once with AVX2 when the
// processor has it (hasAVX2), reporting false when it did not.
func repelBatch4(bt *repelBatch, b, a, repel, alpha float64) bool {
	return hasAVX2 && umapRepel4AVX(&bt.d2, &bt.dx, &bt.dy, &bt.tx, &bt.ty, b, a, repel, alpha)
}
