#include "CQuoteICU.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// One break iterator and one transliterator per thread: opening them costs milliseconds,
// reusing them costs nothing, and ICU objects are not thread-safe.
static _Thread_local UBreakIterator *sentenceIterator = NULL;
static _Thread_local UTransliterator *nameTransliterator = NULL;

int32_t qicu_sentence_boundaries(const uint16_t *text, int32_t length,
                                 int32_t *boundaries, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    if (sentenceIterator == NULL) {
        sentenceIterator = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &error);
        if (U_FAILURE(error)) {
            sentenceIterator = NULL;
            *status = (int32_t)error;
            return -1;
        }
    }
    ubrk_setText(sentenceIterator, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return -1;
    }
    int32_t count = 0;
    for (int32_t b = ubrk_next(sentenceIterator); b != UBRK_DONE; b = ubrk_next(sentenceIterator)) {
        if (count < capacity) {
            boundaries[count] = b;
        }
        count++;
    }
    // Detach the text so the iterator never points at a freed buffer.
    ubrk_setText(sentenceIterator, NULL, 0, &error);
    *status = 0;
    return count;
}

int32_t qicu_sentence_break_class(int32_t codePoint) {
    return u_getIntPropertyValue(codePoint, UCHAR_SENTENCE_BREAK);
}

int32_t qicu_name_key(const uint16_t *text, int32_t length,
                      uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    if (nameTransliterator == NULL) {
        static const UChar rules[] = u"Any-Latin; Latin-ASCII; Lower; [^a-z0-9] Remove";
        nameTransliterator = utrans_openU(rules, -1, UTRANS_FORWARD, NULL, 0, NULL, &error);
        if (U_FAILURE(error)) {
            nameTransliterator = NULL;
            *status = (int32_t)error;
            return -1;
        }
    }
    if (length > capacity) {
        // The transform never needs less room than the input while working.
        *status = 0;
        return length * 4 + 16;
    }
    memcpy(out, text, (size_t)length * sizeof(uint16_t));
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(nameTransliterator, (UChar *)out, &textLength, capacity, 0, &limit, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
        *status = 0;
        return textLength > capacity ? textLength : capacity * 2;
    }
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return -1;
    }
    *status = 0;
    return textLength;
}

const char *qicu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
    return buffer;
}
