// Package songs is the study's domain: which features describe a song, how
// cleaned tracks become the matrices that are clustered, how the algorithm
// and the number of cohorts are chosen (Validate, the one choice the
// notebooks and the command share), what each cohort sounds like, the
// model that assigns new tracks, the recommender and its evaluation, and
// the statistical tests of the study's claims.
//
// It works on catalogs read by package catalog with the general numeric
// packages cluster, embed and stats, and returns plain data: numbers,
// labels, rankings and the results of tests. It imports no display code
// (report, chart, view): package view turns its results into the tables
// and figures the notebooks show. Params holds the study's parameters,
// read from the environment by the notebooks and the command alike, and
// the files of the study (interim and processed data, metrics, caches) are
// named from it.
package songs
