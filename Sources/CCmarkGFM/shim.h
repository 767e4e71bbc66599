// cmark-gfm, GitHub's CommonMark parser with the table, strikethrough and autolink extensions
// (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev). DocketDocuments walks its tree into
// each format the papers are written in.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
