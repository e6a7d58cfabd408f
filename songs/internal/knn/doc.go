// Package knn finds exact k nearest neighbours under the Euclidean distance.
//
// Two searches return the same neighbours: Search and SearchSelf compare every
// query with every row by blocked brute force (squared norms plus blocked dot
// products, the method of scikit-learn's NearestNeighbors(algorithm="brute"));
// Tree does the same with a k-d tree (Bentley 1975; Friedman, Bentley and
// Finkel 1977) that skips the leaves whose bounding box lies farther away than
// the current k-th neighbour.
//
// Both screen candidates with the dot-product form
//
//	|q - x|^2 = |q|^2 + |x|^2 - 2 q.x
//
// and then recompute every accepted candidate's distance directly as a sum of
// squared differences, so the reported distances do not depend on blocking or
// on the order of the search. Neighbours are ordered by increasing distance,
// ties broken by the smaller row index. Work is split into a fixed number of
// query blocks independent of the number of cores, so results never depend on
// GOMAXPROCS.
package knn
