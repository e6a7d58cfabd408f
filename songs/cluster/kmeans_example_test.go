package cluster_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/cluster"
)

// Two groups of three points on a line.
var exampleX = mat.NewDense(6, 2, []float64{
	0, 0,
	0, 1,
	1, 0,
	10, 10,
	10, 11,
	11, 10,
})

func ExampleKMeans() {
	km := cluster.KMeans{K: 2, Seed: 1}
	if err := km.Fit(exampleX, nil); err != nil {
		panic(err)
	}
	fmt.Println("same cluster:", km.Labels[0] == km.Labels[2], "different:", km.Labels[0] != km.Labels[3])
	fmt.Printf("inertia %.4f after %d iterations\n", km.Inertia, km.NIter)
	c := km.Centres.RawRowView(km.Labels[0])
	fmt.Printf("centre of the first group (%.4f, %.4f)\n", c[0], c[1])
	fmt.Println("predict (10.5, 10.5):", km.Predict(nil, mat.NewDense(1, 2, []float64{10.5, 10.5}))[0] == km.Labels[3])
	// Output:
	// same cluster: true different: true
	// inertia 2.6667 after 2 iterations
	// centre of the first group (0.3333, 0.3333)
	// predict (10.5, 10.5): true
}

func ExampleGaussianMixture() {
	g := cluster.GaussianMixture{K: 2, Covariance: cluster.SphericalCovariance, Seed: 1}
	if err := g.Fit(exampleX); err != nil {
		panic(err)
	}
	fmt.Printf("weights %.4f %.4f, converged %v\n", g.Weights[0], g.Weights[1], g.Converged)
	fmt.Printf("mean log-likelihood %.4f, BIC %.4f\n", g.LowerBound, g.BIC(exampleX))
	// Output:
	// weights 0.5000 0.5000, converged true
	// mean log-likelihood -2.0269, BIC 36.8657
}

func ExampleSilhouette() {
	labels := []int{0, 0, 0, 1, 1, 1}
	s, _ := cluster.Silhouette(exampleX, labels)
	db, _ := cluster.DaviesBouldin(exampleX, labels)
	ch, _ := cluster.CalinskiHarabasz(exampleX, labels)
	fmt.Printf("silhouette %.4f, Davies-Bouldin %.4f, Calinski-Harabasz %.4f\n", s, db, ch)
	// Output:
	// silhouette 0.9196, Davies-Bouldin 0.0925, Calinski-Harabasz 450.0000
}

func ExampleAdjustedRandIndex() {
	a := []int{0, 0, 1, 1, 2, 2}
	b := []int{1, 1, 0, 0, 0, 2}
	fmt.Printf("ARI %.4f, NMI %.4f\n", cluster.AdjustedRandIndex(a, b), cluster.NormalizedMutualInfo(a, b))
	// Output:
	// ARI 0.4444, NMI 0.7397
}

func ExampleKnee() {
	// Within-cluster sums of squares for k = 1..6.
	k := []float64{1, 2, 3, 4, 5, 6}
	wcss := []float64{1000, 450, 200, 170, 150, 140}
	i, ok := cluster.Knee(k, wcss, cluster.Convex, cluster.Decreasing, 1)
	fmt.Println("elbow at k =", k[i], ok)
	// Output:
	// elbow at k = 3 true
}
