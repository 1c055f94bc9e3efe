#ifndef CQUOTEHTML_H
#define CQUOTEHTML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Receives the start of an element: its lower-case name and `count` attribute name/value pairs
/// (`attributes[2*i]` is a name, `attributes[2*i+1]` its value, both UTF-8, NUL-terminated).
typedef void (*qhtml_start_fn)(void *context, const char *name, const char *const *attributes, int32_t count);
/// Receives the end of an element opened by the matching start callback.
typedef void (*qhtml_end_fn)(void *context, const char *name);
/// Receives character data (UTF-8, entities already decoded), `length` bytes, not NUL-terminated.
typedef void (*qhtml_text_fn)(void *context, const char *text, int32_t length);

/// Parses `data` with libxml2's HTML parser (recovering from errors, no network, no messages)
/// and walks the resulting tree depth first, calling the callbacks in document order.
/// `encoding` names the input encoding ("UTF-8", "windows-1252") or is NULL to let libxml2 guess.
/// Returns 0 on success, -1 when the document could not be parsed at all.
/// Text of `script` and `style` elements is reported too; the caller decides what to skip.
int32_t qhtml_walk(const char *data, int64_t length, const char *encoding, void *context,
                   qhtml_start_fn start, qhtml_end_fn end, qhtml_text_fn text);

/// The libxml2 version string, for diagnostics ("2.9.14").
const char *qhtml_version(void);

#ifdef __cplusplus
}
#endif

#endif
