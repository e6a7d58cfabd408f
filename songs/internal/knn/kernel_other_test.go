//go:build !amd64

package knn

var hasAVX2FMA = false
