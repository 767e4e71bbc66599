#ifndef DOCKET_CHTTPCLIENT_H
#define DOCKET_CHTTPCLIENT_H

#include <stddef.h>

/// One HTTP request through libcurl, which is loaded (dlopen) on the first request and not before.
///
/// Why not URLSession: on Linux it lives in FoundationNetworking, which links libcurl and its ~30
/// libraries (TLS, HTTP/2, LDAP, Kerberos…) into every start of `docket`, also of `docket search`,
/// which never sends a request: their loading and symbol binding cost ~3.4 ms CPU a start (issue
/// 17). Only `docket publish einnsyn` sends requests, so only it pays for libcurl.
///
/// `headers` are whole lines ("Accept: application/json"); `body` may be NULL (no body sent).
/// Redirects are not followed (a 3xx is an answer like any other: the API key is never sent to
/// another address). On success returns 0 with the HTTP status in `*status` and the answer's
/// bytes in `*response` (free with dh_free; NULL when empty). On failure (libcurl missing, no
/// connection, time out) returns -1 with a message in `*error` (free with dh_free), which never
/// holds a header's value.
int dh_request(const char *method, const char *url,
               const char *const *headers, int header_count,
               const void *body, size_t body_length, long timeout_seconds,
               long *status, unsigned char **response, size_t *response_length, char **error);

void dh_free(void *pointer);

#endif
