#ifndef CQUOTEBUILD_H
#define CQUOTEBUILD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Hashes (64-bit FNV-1a, in load order) the GNU build ids of every object loaded in the
/// process: the program and each shared library (the kernel's vDSO left out). A build id is the
/// linker's hash of the object's contents, so the hash changes whenever any code the process
/// runs does. Returns 0 and sets `*hash`, or -1 when an object has no build id or the system
/// cannot list its objects (not Linux); `*hash` is then left as it was.
int qbuild_loaded_code_hash(uint64_t *hash);

#ifdef __cplusplus
}
#endif

#endif
