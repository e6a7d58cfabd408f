package embed

// attractCoef returns the coefficient of the attractive move along an
// edge at squared distance d2 > 0, attract d2^b / d2 / (a d2^b + 1) with
// attract = -2ab, as umap-learn's optimize_layout_euclidean.
func attractCoef(d2, a, b, attract float64) float64 {
	pb := powPos(d2, b)
	return attract * pb / d2 / (float64(a*pb) + 1)
}

// repelCoef returns the coefficient of the repulsive move of a negative
// sample at squared distance d2 > 0, repel / ((0.001 + d2) (a d2^b + 1))
// with repel = 2 gamma b.
func repelCoef(d2, a, b, repel float64) float64 {
	pb := powPos(d2, b)
	return repel / ((0.001 + d2) * (float64(a*pb) + 1))
}

// repelTermsGo is the portable form of the repulsion kernel, and the code
// that runs where the assembly cannot or declines: the moves tx, ty of the
// first m samples, clip(coef d) alpha with coef = repelCoef(d2), or
// 4 alpha in each coordinate at distance zero, one sample at a time.
func (bt *repelBatch) repelTermsGo(m int, a, b, repel, alpha float64) {
	for q := 0; q < m; q++ {
		d2 := bt.d2[q]
		if d2 > 0 {
			coef := repelCoef(d2, a, b, repel)
			bt.tx[q] = clip(coef*bt.dx[q]) * alpha
			bt.ty[q] = clip(coef*bt.dy[q]) * alpha
		} else {
			bt.tx[q], bt.ty[q] = 4*alpha, 4*alpha
		}
	}
}
