#ifndef CQUOTESQLITE_H
#define CQUOTESQLITE_H

#ifdef __cplusplus
extern "C" {
#endif

/// Sets SQLite's process-wide options for the store before SQLite is first used: connections
/// without their own mutex (SQLITE_CONFIG_MULTITHREAD; GRDB uses each connection from one thread
/// at a time) and no memory statistics (SQLITE_CONFIG_MEMSTATUS off: each allocation took a
/// global mutex). Returns 0 when both were applied, or SQLite's error code of the first refused
/// one (SQLITE_MISUSE, 21, once SQLite has been initialised: the options then stay as they are).
/// `sqlite3_config` is variadic, which Swift cannot call.
int qsqlite_configure(void);

#ifdef __cplusplus
}
#endif

#endif
