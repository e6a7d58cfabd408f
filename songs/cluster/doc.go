// Package cluster holds general clustering algorithms over gonum types,
// the metrics that validate a clustering, and helpers that choose the
// number of clusters.
//
// The package knows nothing about any particular data set: data is a
// mat.Matrix with one row per observation, and a clustering is a []int of
// labels (0..k-1, with -1 for noise where an algorithm has noise). Every
// model follows the same shape: a struct whose exported fields are the
// hyperparameters, a Fit method that takes the data and sets the results,
// and accessors or result fields that only Fit sets. A second Fit replaces
// the first.
//
// # Algorithms
//
// KMeans is Lloyd's algorithm (Lloyd 1982) with greedy k-means++ seeding
// (Arthur and Vassilvitskii 2007) and restarts, with the same meaning as
// sklearn.cluster.KMeans; it also has an exact accelerated variant using
// Hamerly's bounds (Hamerly 2010). GaussianMixture fits a mixture of
// Gaussians by expectation-maximisation (Dempster, Laird and Rubin 1977)
// with full, tied, diagonal or spherical covariances, as
// sklearn.mixture.GaussianMixture. Agglomerative clustering, DBSCAN and
// Mean Shift complete the families.
//
// # Metrics
//
// Inertia, Silhouette (Rousseeuw 1987), DaviesBouldin (Davies and Bouldin
// 1979) and CalinskiHarabasz (Calinski and Harabasz 1974) judge a
// clustering against its data; AdjustedRandIndex (Hubert and Arabie 1985)
// and NormalizedMutualInfo (Vinh, Epps and Bailey 2010) compare two
// clusterings. They agree with sklearn.metrics to rounding.
//
// # Choosing k
//
// Knee finds the elbow of a curve with the Kneedle method (Satopaa et al.
// 2011), Gap computes the gap statistic (Tibshirani, Walther and Hastie
// 2001), Stability measures agreement between refits on bootstrap resamples,
// and Sweep evaluates every metric for a range of k.
//
// # Failures
//
// Caller bugs (mismatched dimensions, invalid hyperparameters, using a
// model before Fit) panic with the prefix "cluster: ". Bad data (NaN or
// infinite values, fewer rows than clusters) returns an error.
//
// # Determinism
//
// Randomised methods take an explicit seed and draw from math/rand/v2's
// PCG generator. Parallel work is split into a fixed number of blocks,
// independent of GOMAXPROCS, and reduced in a fixed order, so results do
// not depend on the number of cores.
//
// # Speed and reproducibility
//
// K-Means computes its distances in blocks through a kernel with a
// portable Go form (kmDistsGo, the code that runs without AVX and FMA, on
// other architectures and under the noasm build tag) and an AVX/FMA form
// that gives the same bits: both sum with fused multiply-adds (math.FMA in
// Go). DBSCAN, Mean Shift and the k-distance curve search neighbours with
// internal/neighbors.
//
// The package imports nothing of this module outside internal/.
package cluster
