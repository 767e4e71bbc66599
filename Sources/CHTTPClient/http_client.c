// dh_request: libcurl's easy interface, loaded with dlopen at the first request (see CHTTPClient.h).
// The header gives the types and option numbers only; nothing links libcurl.
#define CURL_DISABLE_TYPECHECK 1
#define CURL_DISABLE_DEPRECATION 1
#include "CHTTPClient.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The largest answer kept: the eInnsyn API answers a few kilobytes of JSON.
#define DH_MAX_RESPONSE (64u * 1024u * 1024u)

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
} curl;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static char curl_load_error[512];

static void load_curl(void) {
    // Debian's runtime packages: libcurl4 (OpenSSL), else libcurl3-gnutls; macOS ships its own.
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib", NULL};
    void *library = NULL;
    for (int i = 0; names[i] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *reason = dlerror();
        snprintf(curl_load_error, sizeof curl_load_error,
                 "cannot load libcurl (%s); install Debian's libcurl4 package", reason ? reason : "not found");
        return;
    }
#define DH_SYMBOL(field, name)                                                                         \
    do {                                                                                               \
        *(void **)&curl.field = dlsym(library, name);                                                  \
        if (!curl.field) {                                                                             \
            snprintf(curl_load_error, sizeof curl_load_error, "libcurl has no %s; it is too old", name); \
            return;                                                                                    \
        }                                                                                              \
    } while (0)
    DH_SYMBOL(global_init, "curl_global_init");
    DH_SYMBOL(easy_init, "curl_easy_init");
    DH_SYMBOL(easy_setopt, "curl_easy_setopt");
    DH_SYMBOL(easy_perform, "curl_easy_perform");
    DH_SYMBOL(easy_getinfo, "curl_easy_getinfo");
    DH_SYMBOL(easy_cleanup, "curl_easy_cleanup");
    DH_SYMBOL(easy_strerror, "curl_easy_strerror");
    DH_SYMBOL(slist_append, "curl_slist_append");
    DH_SYMBOL(slist_free_all, "curl_slist_free_all");
#undef DH_SYMBOL
    // Not thread-safe in libcurl: done once, here, before any handle.
    CURLcode code = curl.global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        snprintf(curl_load_error, sizeof curl_load_error, "cannot start libcurl: %s", curl.easy_strerror(code));
    }
}

static char *copy(const char *text) {
    size_t length = strlen(text);
    char *result = malloc(length + 1);
    if (result) memcpy(result, text, length + 1);
    return result;
}

typedef struct {
    unsigned char *bytes;
    size_t length;
    size_t capacity;
    int too_large;
} buffer;

static size_t collect(char *data, size_t size, size_t count, void *context) {
    buffer *answer = context;
    size_t length = size * count;
    if (length > DH_MAX_RESPONSE - answer->length) {
        answer->too_large = 1;
        return 0;
    }
    if (answer->length + length > answer->capacity) {
        size_t capacity = answer->capacity ? answer->capacity : 16384;
        while (capacity < answer->length + length) capacity *= 2;
        unsigned char *bytes = realloc(answer->bytes, capacity);
        if (!bytes) return 0;
        answer->bytes = bytes;
        answer->capacity = capacity;
    }
    memcpy(answer->bytes + answer->length, data, length);
    answer->length += length;
    return length;
}

int dh_request(const char *method, const char *url,
               const char *const *headers, int header_count,
               const void *body, size_t body_length, long timeout_seconds,
               long *status, unsigned char **response, size_t *response_length, char **error) {
    *status = 0;
    *response = NULL;
    *response_length = 0;
    *error = NULL;
    pthread_once(&curl_once, load_curl);
    if (curl_load_error[0]) {
        *error = copy(curl_load_error);
        return -1;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        *error = copy("cannot start a libcurl request");
        return -1;
    }
    struct curl_slist *list = NULL;
    for (int i = 0; i < header_count; i++) {
        struct curl_slist *longer = curl.slist_append(list, headers[i]);
        if (!longer) {
            curl.slist_free_all(list);
            curl.easy_cleanup(handle);
            *error = copy("out of memory");
            return -1;
        }
        list = longer;
    }
    // No "Expect: 100-continue" before a body: a server that does not answer it would cost a second a request.
    if (body) {
        struct curl_slist *longer = curl.slist_append(list, "Expect:");
        if (longer) list = longer;
    }
    char message[CURL_ERROR_SIZE] = {0};
    buffer answer = {0};
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl.easy_setopt(handle, CURLOPT_CUSTOMREQUEST, method);
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, list);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT, timeout_seconds);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, message);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, collect);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &answer);
    if (body) {
        curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
        curl.easy_setopt(handle, CURLOPT_POSTFIELDS, body);
    } else if (strcmp(method, "GET") == 0) {
        curl.easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    }
    CURLcode code = curl.easy_perform(handle);
    if (code == CURLE_OK) {
        curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, status);
    }
    curl.easy_cleanup(handle);
    curl.slist_free_all(list);
    if (code != CURLE_OK) {
        free(answer.bytes);
        char text[CURL_ERROR_SIZE + 128];
        snprintf(text, sizeof text, "%s", answer.too_large ? "the answer is larger than 64 MiB"
                                          : message[0] ? message : curl.easy_strerror(code));
        *error = copy(text);
        return -1;
    }
    *response = answer.bytes;
    *response_length = answer.length;
    return 0;
}

void dh_free(void *pointer) {
    free(pointer);
}
