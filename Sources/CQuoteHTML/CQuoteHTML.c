#include "CQuoteHTML.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>

// Swallows libxml2's error messages: malformed pages are the norm, not news.
static void qhtml_silent(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

// Walks iteratively: deeply nested pages must not overflow the stack.
static void qhtml_visit(xmlNodePtr root, void *context, qhtml_start_fn start, qhtml_end_fn end,
                        qhtml_text_fn text) {
    const char **attributes = NULL;
    size_t attributesCapacity = 0;
    xmlNodePtr node = root;
    while (node != NULL) {
        int descend = 0;
        if (node->type == XML_ELEMENT_NODE) {
            int32_t count = 0;
            for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next) count++;
            if ((size_t)(count * 2 + 1) > attributesCapacity) {
                size_t capacity = (size_t)count * 2 + 8;
                const char **grown = (const char **)xmlRealloc((void *)attributes, capacity * sizeof(char *));
                if (grown == NULL) {
                    count = 0;
                } else {
                    attributes = grown;
                    attributesCapacity = capacity;
                }
            }
            int32_t index = 0;
            xmlChar *values[count > 0 ? count : 1];
            for (xmlAttrPtr attr = node->properties; attr != NULL && index < count; attr = attr->next, index++) {
                values[index] = xmlNodeListGetString(node->doc, attr->children, 1);
                attributes[index * 2] = (const char *)attr->name;
                attributes[index * 2 + 1] = values[index] != NULL ? (const char *)values[index] : "";
            }
            start(context, (const char *)node->name, attributes, count);
            for (int32_t i = 0; i < count; i++) {
                if (values[i] != NULL) xmlFree(values[i]);
            }
            if (node->children != NULL) {
                descend = 1;
            } else {
                end(context, (const char *)node->name);
            }
        } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content != NULL) {
                size_t length = strlen((const char *)node->content);
                const char *cursor = (const char *)node->content;
                while (length > 0) {
                    int32_t piece = length > (size_t)INT32_MAX ? INT32_MAX : (int32_t)length;
                    text(context, cursor, piece);
                    cursor += piece;
                    length -= (size_t)piece;
                }
            }
        }
        if (descend) {
            node = node->children;
            continue;
        }
        // Climb until a sibling exists, closing the elements left behind.
        while (node != NULL && node != root && node->next == NULL) {
            node = node->parent;
            if (node != NULL && node->type == XML_ELEMENT_NODE) end(context, (const char *)node->name);
        }
        if (node == NULL || node == root) break;
        node = node->next;
    }
    xmlFree((void *)attributes);
}

static pthread_once_t qhtml_once = PTHREAD_ONCE_INIT;

// libxml2's global set-up is not safe to run lazily from two threads at once.
static void qhtml_init(void) {
    xmlInitParser();
}

int32_t qhtml_walk(const char *data, int64_t length, const char *encoding, void *context,
                   qhtml_start_fn start, qhtml_end_fn end, qhtml_text_fn text) {
    if (data == NULL || length < 0 || length > INT_MAX) return -1;
    pthread_once(&qhtml_once, qhtml_init);
    xmlSetGenericErrorFunc(NULL, qhtml_silent);
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
        | HTML_PARSE_COMPACT;
    options |= XML_PARSE_HUGE; // 20 MB pages have text nodes above the default limits
    htmlDocPtr document = htmlReadMemory(data, (int)length, NULL, encoding, options);
    if (document == NULL) return -1;
    for (xmlNodePtr child = document->children; child != NULL; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) {
            qhtml_visit(child, context, start, end, text);
        }
    }
    xmlFreeDoc(document);
    return 0;
}

const char *qhtml_version(void) {
    return LIBXML_DOTTED_VERSION;
}
