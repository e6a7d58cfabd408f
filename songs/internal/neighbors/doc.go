// Package neighbors holds the exact neighbour search shared by the numeric
// packages: a kd-tree over the rows of a matrix answering radius queries
// (indices, counts and sums of the rows within a distance) and k-nearest
// neighbour queries under the Euclidean distance, and a helper that runs
// independent per-row queries over a fixed number of blocks so that results
// never depend on the number of cores.
//
// The tree follows Bentley (1975), "Multidimensional binary search trees used
// for associative searching", Communications of the ACM 18(9), with the
// sliding-midpoint-free median split on the dimension of largest spread and a
// bounding box per node for pruning, as in scikit-learn's KDTree
// (sklearn.neighbors.KDTree) and Friedman, Bentley and Finkel (1977), "An
// algorithm for finding best matches in logarithmic expected time", ACM TOMS
// 3(3).
package neighbors
