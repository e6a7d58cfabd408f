package embed

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// UMAPInit selects the initial layout of UMAP.
type UMAPInit int

const (
	// UMAPInitSpectral starts from the eigenvectors of the normalised
	// Laplacian of the fuzzy graph, falling back to UMAPInitRandom when the
	// eigensolver does not converge (umap-learn's init="spectral").
	UMAPInitSpectral UMAPInit = iota
	// UMAPInitRandom starts from uniform values in [-10, 10].
	UMAPInitRandom
)

// UMAP is uniform manifold approximation and projection (McInnes, Healy and
// Melville 2018, "UMAP: Uniform Manifold Approximation and Projection for
// Dimension Reduction", arXiv:1802.03426), following umap-learn 0.5.3 with
// the Euclidean metric: a k-nearest-neighbour graph, smooth kNN distances
// (rho_i, sigma_i), the fuzzy union of the local fuzzy simplicial sets, a
// spectral initial layout, and stochastic gradient descent of the fuzzy set
// cross-entropy with negative sampling and the curve 1 / (1 + a d^(2b))
// fitted from MinDist and Spread.
//
// Neighbours are exact below 4096 rows and found by nearest-neighbour
// descent above, as umap-learn does. One departure from umap-learn, for
// speed with determinism: each epoch's edges are split into
// a fixed number of shards by head vertex, processed in parallel. A shard
// moves only its own head vertices and reads all other vertices as they
// were at the start of the epoch; since the graph is symmetric, the move
// umap-learn gives an edge's tail comes from the reverse edge, applied with
// twice the step. Results depend on Seed alone, not on the number of cores.
//
// The zero value is not ready; use NewUMAP for umap-learn's defaults.
type UMAP struct {
	// NNeighbors is the size of the local neighbourhood, the row itself
	// included (default 15).
	NNeighbors int
	// NComponents is the dimension of the embedding (default 2).
	NComponents int
	// MinDist is the smallest distance between embedded points (default 0.1).
	MinDist float64
	// Spread is the scale of embedded points (default 1).
	Spread float64
	// NEpochs is the number of training epochs; 0 means 500 up to 10000
	// rows and 200 above.
	NEpochs int
	// LearningRate is the initial step, decaying linearly to 0 (default 1).
	LearningRate float64
	// NegativeSampleRate is the number of negative samples per positive
	// one (default 5).
	NegativeSampleRate int
	// RepulsionStrength weighs negative samples (gamma, default 1).
	RepulsionStrength float64
	// LocalConnectivity is the number of neighbours assumed connected
	// (default 1).
	LocalConnectivity float64
	// SetOpMixRatio mixes fuzzy union (1) and intersection (0) (default 1).
	SetOpMixRatio float64
	// Init selects the initial layout.
	Init UMAPInit
	// Seed seeds the noise, the random layout and the negative samples.
	Seed uint64

	embedding *mat.Dense
	a, b      float64
	spectral  bool
}

// NewUMAP returns a UMAP with umap-learn 0.5.3's defaults: 15 neighbours,
// 2 components, min_dist 0.1, spread 1, learning rate 1, 5 negative samples
// per positive one and a spectral initial layout.
func NewUMAP(seed uint64) *UMAP {
	return &UMAP{
		NNeighbors:         15,
		NComponents:        2,
		MinDist:            0.1,
		Spread:             1,
		LearningRate:       1,
		NegativeSampleRate: 5,
		RepulsionStrength:  1,
		LocalConnectivity:  1,
		SetOpMixRatio:      1,
		Seed:               seed,
	}
}

func (u *UMAP) validate() {
	switch {
	case u.NNeighbors < 2:
		panic("embed: UMAP: NNeighbors must be at least 2")
	case u.NComponents < 1:
		panic("embed: UMAP: NComponents must be positive")
	case u.MinDist < 0 || !(u.Spread > 0) || u.MinDist > u.Spread:
		panic("embed: UMAP: need 0 <= MinDist <= Spread and Spread > 0")
	case u.NEpochs < 0 || !(u.LearningRate > 0) || u.NegativeSampleRate < 0 || u.RepulsionStrength < 0:
		panic("embed: UMAP: invalid optimisation parameter")
	case u.LocalConnectivity < 0 || u.SetOpMixRatio < 0 || u.SetOpMixRatio > 1:
		panic("embed: UMAP: invalid LocalConnectivity or SetOpMixRatio")
	case u.Init != UMAPInitSpectral && u.Init != UMAPInitRandom:
		panic("embed: UMAP: unknown Init")
	}
}

// Fit embeds the rows of x. It returns a *TooFewRowsError when x has no
// more rows than NNeighbors and a *NonFiniteError for NaN or infinite
// values. On error the previous fit is kept. Fit panics if a
// hyperparameter is invalid.
func (u *UMAP) Fit(x mat.Matrix) error {
	u.validate()
	data, n, d, err := finiteRows(x, u.NNeighbors+1)
	if err != nil {
		return err
	}
	k := u.NNeighbors
	idx, dist := umapNeighbours(data, n, d, k, u.Seed)
	sigma, rho := smoothKNNDist(dist, n, k, u.LocalConnectivity, 1)
	g := fuzzySimplicialSet(idx, dist, n, k, sigma, rho, u.SetOpMixRatio)
	epochs := u.NEpochs
	if epochs == 0 {
		epochs = 500
		if n > 10000 {
			epochs = 200
		}
	}
	a, b := umapCurve(u.Spread, u.MinDist)
	rng := newUMAPRand(u.Seed)
	y, spectral := u.initial(g, rng)
	layout := umapLayout{
		dim: u.NComponents, a: a, b: b, gamma: u.RepulsionStrength,
		alpha: u.LearningRate, negRate: float64(u.NegativeSampleRate), epochs: epochs, seed: u.Seed,
	}
	layout.optimise(y, g)
	u.embedding = mat.NewDense(n, u.NComponents, y)
	u.a, u.b, u.spectral = a, b, spectral
	return nil
}

// initial returns the starting layout scaled to [0, 10] in each coordinate,
// as simplicial_set_embedding of umap-learn 0.5.3, and whether the spectral
// layout was used.
func (u *UMAP) initial(g *sparseSym, rng *rand.Rand) ([]float64, bool) {
	n, dim := g.n, u.NComponents
	var y []float64
	spectral := false
	if u.Init == UMAPInitSpectral {
		if s, err := spectralInit(g, dim, rng); err == nil {
			y, spectral = s, true
		}
	}
	if y == nil {
		y = make([]float64, n*dim)
		for i := range y {
			y[i] = float64(float32(-10 + 20*rng.Float64()))
		}
	}
	for c := 0; c < dim; c++ {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := 0; i < n; i++ {
			lo, hi = min(lo, y[i*dim+c]), max(hi, y[i*dim+c])
		}
		span := hi - lo
		if span == 0 {
			span = 1
		}
		for i := 0; i < n; i++ {
			y[i*dim+c] = float64(float32(10 * (y[i*dim+c] - lo) / span))
		}
	}
	return y, spectral
}

// spectralInit is umap-learn's spectral initialisation: the spectral layout
// of each connected component (placed as multi_component_layout does),
// expanded so that its largest coordinate is 10, plus normal noise of
// standard deviation 1e-4.
func spectralInit(g *sparseSym, dim int, rng *rand.Rand) ([]float64, error) {
	labels, nc := connectedComponents(g)
	var y []float64
	if nc == 1 {
		s, err := spectralLayout(g, dim, 1e-4)
		if err != nil {
			return nil, err
		}
		y = s
	} else {
		y = multiComponentLayout(g, labels, nc, dim, rng)
	}
	var big float64
	for _, v := range y {
		big = max(big, math.Abs(v))
	}
	if big == 0 {
		return nil, errSpectral
	}
	for i := range y {
		y[i] = float64(float32(y[i]*10/big)) + float64(float32(1e-4*rng.NormFloat64()))
	}
	return y, nil
}

// multiComponentLayout places each connected component at a corner of the
// cross ±e_1, ..., ±e_dim (cycling when there are more than 2·dim
// components, a simplification of umap-learn's meta-embedding) and lays it
// out spectrally within half the distance to the nearest other corner, or
// uniformly at random when it is too small or the eigensolver fails, as
// multi_component_layout of umap-learn 0.5.3.
func multiComponentLayout(g *sparseSym, labels []int, nc, dim int, rng *rand.Rand) []float64 {
	n := g.n
	meta := make([]float64, nc*dim)
	for c := 0; c < nc; c++ {
		axis, sign := (c/2)%dim, 1.0
		if c%2 == 1 {
			sign = -1
		}
		ring := float64(1 + c/(2*dim))
		meta[c*dim+axis] = sign * ring
	}
	y := make([]float64, n*dim)
	members := make([][]int, nc)
	for i, l := range labels {
		members[l] = append(members[l], i)
	}
	local := make([]int, n)
	for _, m := range members {
		for p, i := range m {
			local[i] = p
		}
	}
	for c, m := range members {
		half := math.Inf(1)
		for o := 0; o < nc; o++ {
			var s float64
			for a := 0; a < dim; a++ {
				t := meta[c*dim+a] - meta[o*dim+a]
				s += t * t
			}
			if s > 0 {
				half = min(half, math.Sqrt(s)/2)
			}
		}
		if math.IsInf(half, 1) {
			half = 1
		}
		var lay []float64
		if len(m) >= 2*dim && len(m) > dim+1 {
			sub := &sparseSym{n: len(m), ptr: make([]int, len(m)+1)}
			for p, i := range m {
				for e := g.ptr[i]; e < g.ptr[i+1]; e++ {
					sub.col = append(sub.col, local[g.col[e]])
					sub.val = append(sub.val, g.val[e])
				}
				sub.ptr[p+1] = len(sub.col)
			}
			if s, err := spectralLayout(sub, dim, 1e-4); err == nil {
				var big float64
				for _, v := range s {
					big = max(big, math.Abs(v))
				}
				if big > 0 {
					for i := range s {
						s[i] *= half / big
					}
					lay = s
				}
			}
		}
		for p, i := range m {
			for a := 0; a < dim; a++ {
				v := -half + 2*half*rng.Float64()
				if lay != nil {
					v = lay[p*dim+a]
				}
				y[i*dim+a] = v + meta[c*dim+a]
			}
		}
	}
	return y
}

// EmbeddingTo copies the n×NComponents embedding into dst; an empty dst is
// sized for it. It panics before a successful Fit.
func (u *UMAP) EmbeddingTo(dst *mat.Dense) {
	embeddingTo(dst, u.embedding, "UMAP")
}

// AB returns the parameters a and b of the output similarity
// 1 / (1 + a d^(2b)) fitted from MinDist and Spread. It panics before a
// successful Fit.
func (u *UMAP) AB() (a, b float64) {
	u.check()
	return u.a, u.b
}

// SpectralInit reports whether the fit started from the spectral layout
// (false when it fell back to the random one). It panics before a
// successful Fit.
func (u *UMAP) SpectralInit() bool {
	u.check()
	return u.spectral
}

func (u *UMAP) check() {
	checkEmbedding(u.embedding, "UMAP")
}

// String describes the configuration.
func (u *UMAP) String() string {
	return fmt.Sprintf("UMAP(n_neighbors=%d, n_components=%d, min_dist=%g, seed=%d)", u.NNeighbors, u.NComponents, u.MinDist, u.Seed)
}

// newUMAPRand returns the generator of the initial layout.
func newUMAPRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x756d6170))
}
