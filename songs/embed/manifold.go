package embed

import "gonum.org/v1/gonum/mat"

// embeddingTo is the EmbeddingTo of TSNE and UMAP: it copies the fitted
// embedding into dst, sizing an empty dst for it, and panics naming model
// before a successful Fit.
func embeddingTo(dst, embedding *mat.Dense, model string) {
	checkEmbedding(embedding, model)
	n, c := embedding.Dims()
	prepareDst(dst, n, c, model+".EmbeddingTo")
	dst.Copy(embedding)
}

// checkEmbedding panics, naming model, if embedding is nil: the model has
// not been fitted.
func checkEmbedding(embedding *mat.Dense, model string) {
	if embedding == nil {
		panic("embed: " + model + " used before a successful Fit")
	}
}
