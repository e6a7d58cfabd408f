// Package parquetfile writes and reads the study's Parquet files: the
// interim tracks (data/interim/tracks.parquet and tracks_clean.parquet,
// rows of catalog.TrackRow with the catalog's description in the file's
// key-value metadata) and the cohort table (output/cohorts.parquet).
//
// It is the only package of this module that imports parquet-go. It is
// kept apart from package catalog so that what the notebooks' cells link
// does not include parquet-go (and the protobuf runtime it brings): a cell
// that imports the domain or display packages builds in about half the
// time. Only the cells and commands that write or read these files import
// it. Like catalog, it imports no domain or display code.
package parquetfile
