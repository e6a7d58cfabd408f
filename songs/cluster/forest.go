package cluster

// forest is a union-find forest over the integers 0..len-1 (Galler and
// Fischer 1964; Tarjan 1975): element i's parent is forest[i], a root is
// its own parent.
type forest []int

// newForest returns n singletons.
func newForest(n int) forest {
	f := make(forest, n)
	for i := range f {
		f[i] = i
	}
	return f
}

// find returns the root of x's tree, pointing every element on the way
// at it.
func (f forest) find(x int) int {
	r := x
	for f[r] != r {
		r = f[r]
	}
	for f[x] != r {
		f[x], x = r, f[x]
	}
	return r
}
