// Package neighbors is the module's one exact neighbour search under the
// Euclidean distance: k nearest neighbours (k-NN) and radius queries, and
// the approximate k-NN graph of nearest-neighbour descent for large inputs.
//
// # Searches
//
// Search finds the k nearest rows by blocked brute force: the rows are cut
// into tiles stored column-major, and a kernel compares four queries at a
// time with a tile through |q|² + |x|² − 2q·x (the method of scikit-learn's
// NearestNeighbors(algorithm="brute")). Tree is a k-d tree (Bentley 1975;
// Friedman, Bentley and Finkel 1977) that answers the same queries by
// visiting the nearer child first and skipping every node whose bounding
// box lies farther than the current k-th neighbour; it suits few queries
// against a fixed set of rows, and few columns. SearchSelf, every row's
// nearest other rows, takes the tree in up to five columns and brute force
// above, whichever is faster. All return the same Result. Nearest selects
// the nearest rows from one row of distances already computed.
//
// Tiles answer radius queries (rows within a distance r, distance <= r, as
// scikit-learn's radius_neighbors): the rows in k-d tree order cut into
// tiles with bounding boxes and row sums, a Group screening four queries at
// a time. DBSCAN's core test and Mean Shift's windows are built on them.
//
// Approximate builds the k-NN graph of nearest-neighbour descent (Dong,
// Moses and Li 2011), as pynndescent, for inputs too large for exact
// searches.
//
// # Exactness and ties
//
// The kernels only screen: every candidate they let through is decided by
// SqDist, the sum of squared differences in column order with each square
// rounded, and the screening thresholds carry a bound on the kernels'
// rounding error, so results do not depend on tiling, blocking or the
// order of the search. Neighbours are ordered by increasing distance, ties
// broken by the smaller row index; every search keeps its candidates in
// one heap (topK) with that order.
//
// # Kernels and determinism
//
// The two tile kernels (values and mask for the k-NN screen, two masks for
// the radius screen) share one loop, written once as a macro in one
// assembly file. Each has a portable Go form (tileDist4Go, tileMask4Go),
// which is the code that runs without AVX and FMA, on other architectures and
// under the noasm build tag, and an AVX/FMA form that gives the same bits,
// tested against it. Work is split into a fixed number of blocks
// (internal/parallel), so results never depend on GOMAXPROCS.
//
// The package imports only the standard library, golang.org/x/sys/cpu,
// gonum's mat and internal/parallel.
package neighbors
