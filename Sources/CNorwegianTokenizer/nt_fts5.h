#ifndef NT_FTS5_H
#define NT_FTS5_H

#include <sqlite3.h>

/* The connection's FTS5 API (SELECT fts5(?) with a pointer), or NULL when FTS5 is missing. */
fts5_api *nt_fts5_api(sqlite3 *db);

#endif
