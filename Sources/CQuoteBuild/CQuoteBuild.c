#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "CQuoteBuild.h"

#if defined(__linux__)
#include <elf.h>
#include <link.h>
#include <string.h>

struct walk {
    uint64_t hash;
    int missing;
};

static uint64_t fnv1a(uint64_t hash, const uint8_t *bytes, size_t count) {
    for (size_t index = 0; index < count; index++) {
        hash ^= bytes[index];
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

/// The build id among one object's notes, or NULL.
static const uint8_t *build_id(struct dl_phdr_info *info, size_t *count) {
    for (ElfW(Half) index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        if (header->p_type != PT_NOTE) continue;
        const uint8_t *note = (const uint8_t *)(info->dlpi_addr + header->p_vaddr);
        const uint8_t *end = note + header->p_memsz;
        // Name and description are padded to the segment's alignment: 4, or 8 in the segments
        // of 8-aligned notes (`.note.gnu.property`).
        const size_t pad = header->p_align == 8 ? 7 : 3;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *entry = (const ElfW(Nhdr) *)note;
            const uint8_t *name = note + sizeof(ElfW(Nhdr));
            const uint8_t *desc = name + ((entry->n_namesz + pad) & ~pad);
            const uint8_t *next = desc + ((entry->n_descsz + pad) & ~pad);
            if (next > end) break;
            if (entry->n_type == NT_GNU_BUILD_ID && entry->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                *count = entry->n_descsz;
                return desc;
            }
            note = next;
        }
    }
    return NULL;
}

static int visit(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct walk *walk = data;
    const char *name = info->dlpi_name ? info->dlpi_name : "";
    if (strstr(name, "linux-vdso") != NULL || strstr(name, "linux-gate") != NULL) return 0;
    size_t count = 0;
    const uint8_t *id = build_id(info, &count);
    if (id == NULL || count == 0) {
        walk->missing++;
        return 0;
    }
    uint64_t length = count;
    walk->hash = fnv1a(walk->hash, (const uint8_t *)&length, sizeof length);
    walk->hash = fnv1a(walk->hash, id, count);
    return 0;
}

int qbuild_loaded_code_hash(uint64_t *hash) {
    struct walk walk = { 0xcbf29ce484222325ULL, 0 };
    dl_iterate_phdr(visit, &walk);
    if (walk.missing > 0) return -1;
    *hash = walk.hash;
    return 0;
}

#else

int qbuild_loaded_code_hash(uint64_t *hash) {
    (void)hash;
    return -1;
}

#endif
