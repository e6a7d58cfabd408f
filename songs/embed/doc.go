// Package embed holds general dimensionality-reduction tools over gonum
// types: feature scalers, principal component analysis, independent
// component analysis, t-SNE and UMAP, and measures of how well an embedding
// keeps the neighbourhoods of its input.
//
// The package knows nothing about any particular data set. Every model
// follows the same shape: a struct whose exported fields are the
// hyperparameters, a Fit method that takes the data and sets the results,
// and accessors for those results. A second Fit replaces the first.
//
// # Scalers
//
// StandardScaler, RobustScaler and MinMaxScaler learn per-column statistics
// with Fit and apply them with Transform and InverseTransform, with the same
// meaning as scikit-learn's preprocessing classes of the same names.
//
// # Linear projections
//
// PCA computes all principal components with scikit-learn's sign convention
// (svd_flip), so that scores agree number for number with
// sklearn.decomposition.PCA. FastICA estimates independent components with
// the fixed-point algorithm of Hyvärinen and Oja (2000), as
// sklearn.decomposition.FastICA. NumPyNormal reproduces NumPy's legacy
// normal generator, so that FastICA can start from the very matrix
// scikit-learn draws for a given random_state. SourceOrder and
// ReorderColumns put independent components in a display order.
//
// # Non-linear embeddings
//
// TSNE (van der Maaten and Hinton 2008) and UMAP (McInnes, Healy and
// Melville 2018) map points to two or three dimensions for display.
//
// # Quality
//
// Trustworthiness (Venna and Kaski 2001, as
// sklearn.manifold.trustworthiness) and KNNPreservation measure how much of
// each point's neighbourhood an embedding keeps.
//
// # Failures
//
// Caller bugs (mismatched dimensions, invalid hyperparameters, using a model
// before Fit) panic with the prefix "embed: ". Bad data (NaN or infinite
// values, constant columns, too few rows) returns an error.
//
// # Determinism
//
// Randomised methods take an explicit seed. Parallel work is split into a
// fixed number of blocks, independent of GOMAXPROCS, and reduced in a fixed
// order, so results do not depend on the number of cores.
//
// # Speed and reproducibility
//
// PCA and FastICA keep their data in panels of a few hundred samples, each
// feature contiguous. Their inner loops (projections, cross-product sums,
// tanh) and UMAP's repulsive moves go through kernels in the manner of
// gonum's internal/asm: each has a portable Go form (projRowGo, gram4Go,
// tanh8Go, repelTermsGo), which is the code that runs without AVX2 and
// FMA, on other architectures and under the noasm build tag, and an
// AVX2/FMA form that gives the same bits, tested against it. The portable
// code rounds explicitly (math.FMA where the assembly fuses, a conversion
// where it does not), so that no platform fuses differently, and results
// do not depend on the processor. PCA diagonalises its scatter matrix with
// a Jacobi method of its own for the same reason (gonum's BLAS kernels sum
// in another order in their assembly and Go forms).
//
// The package imports nothing of this module outside internal/.
package embed
