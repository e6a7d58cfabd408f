// Package catalog reads, validates, cleans and writes song catalogs: the
// tracks of one or several CSV files with their Spotify audio features, the
// findings and the cleaning log, the reissued recordings, the data
// dictionary workbook, and the Parquet and CSV files the study exchanges
// (the interim tracks and the cohort table).
//
// It is the only package of this module that reads or writes catalog files,
// so the only one that imports parquet-go and excelize. It knows nothing
// about clustering, notebooks or reports: it imports no display code
// (report, chart, view) and nothing of the domain package songs.
//
// # Accepted input
//
// A catalog is one or several CSV files with a header row. Column names are
// normalised (trimmed, spaces to underscores, lower case). A track needs:
//
//   - an identifier: id, or the id part of a spotify:track:<id> uri;
//   - a title: name, or track;
//   - the nine audio features (acousticness, danceability, energy,
//     instrumentalness, liveness, loudness, speechiness, tempo, valence)
//     and duration_ms.
//
// number_row (or an empty first header cell), album, artist, release_date
// (or year, or decade), track_number and popularity are optional; extra
// columns are kept as text. Dates may be M/D/YYYY, YYYY-MM-DD, YYYY-MM or
// YYYY. CRLF or LF line ends, a UTF-8 byte order mark and quoted fields
// (with commas, quotes and newlines) are accepted.
//
// # Errors and findings
//
// Problems that make a file unusable stop the load with a *RecordError
// naming the file, the data record (1-based, header excluded), the file line
// and the column: malformed CSV or a truncated record, invalid UTF-8, a
// missing required column, duplicate column names, text where a number is
// expected, an infinite value, an id that disagrees with its uri. Problems
// confined to one row are findings (see Finding): the row is kept in the
// loaded catalog with its flags, and Clean removes it with a logged reason:
// missing values (empty, NA, NaN, null), values outside the data
// dictionary's ranges, an empty title, an unparseable date, exact duplicates
// and repeated ids.
package catalog
