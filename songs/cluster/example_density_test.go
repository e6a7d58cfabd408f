package cluster_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/cluster"
)

func ExampleAgglomerative() {
	x := mat.NewDense(6, 2, []float64{
		0, 0, 0, 1, 1, 0,
		5, 5, 5, 6, 6, 5,
	})
	a := cluster.Agglomerative{Linkage: cluster.Ward, NClusters: 2}
	if err := a.Fit(x); err != nil {
		panic(err)
	}
	fmt.Println(a.Labels())
	top := a.Merges()[len(a.Merges())-1]
	fmt.Printf("last merge: %d+%d at %.4f, size %d\n", top.A, top.B, top.Height, top.Size)
	// Output:
	// [0 0 0 1 1 1]
	// last merge: 8+9 at 12.2474, size 6
}

func ExampleDBSCAN() {
	x := mat.NewDense(7, 1, []float64{0, 0.1, 0.2, 5, 5.1, 5.2, 20})
	m := cluster.DBSCAN{Eps: 0.5, MinSamples: 3}
	if err := m.Fit(x); err != nil {
		panic(err)
	}
	fmt.Println(m.Labels(), m.NClusters())
	// Output:
	// [0 0 0 1 1 1 -1] 2
}

func ExampleMeanShift() {
	x := mat.NewDense(6, 1, []float64{0, 0.2, 0.4, 10, 10.2, 10.4})
	bw, err := cluster.EstimateBandwidth(x, 0.5, 0, 0)
	if err != nil {
		panic(err)
	}
	m := cluster.MeanShift{Bandwidth: bw, BinSeeding: true, ClusterAll: true}
	if err := m.Fit(x); err != nil {
		panic(err)
	}
	fmt.Printf("bandwidth %.4f\n", bw)
	c := m.Centers()
	for i := 0; i < c.RawMatrix().Rows; i++ {
		fmt.Printf("centre %.4f\n", c.At(i, 0))
	}
	fmt.Println(m.Labels())
	// Output:
	// bandwidth 0.3333
	// centre 10.2000
	// centre 0.2000
	// [1 1 1 0 0 0]
}

func ExampleDendrogram() {
	x := mat.NewDense(6, 2, []float64{
		0, 0, 0, 1, 1, 0,
		5, 5, 5, 6, 6, 5,
	})
	merges, err := cluster.LinkageTree(x, cluster.Ward, 0)
	if err != nil {
		panic(err)
	}
	d := cluster.Dendrogram(merges, 6, 3)
	fmt.Println(d.Leaves, d.LeafLabels())
	for i := range d.Icoord {
		fmt.Printf("x %.4f  height %.4f\n", d.Icoord[i], d.Dcoord[i])
	}
	fmt.Printf("cut for 2 clusters at %.4f\n", cluster.CutHeightFor(merges, 2))
	// Output:
	// [8 5 7] [(3) 5 (2)]
	// x [15.0000 15.0000 25.0000 25.0000]  height [0.0000 1.2910 1.2910 0.0000]
	// x [5.0000 5.0000 20.0000 20.0000]  height [0.0000 12.2474 12.2474 1.2910]
	// cut for 2 clusters at 6.7692
}
