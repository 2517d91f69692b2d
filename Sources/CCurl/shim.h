/* libcurl for Swift: curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot
 * call, so each argument type the WebSocket transport passes gets a typed static inline
 * wrapper. Everything else in curl.h is imported as is. */
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>

/* Sets an option whose argument is a long (flags, timeouts, enum values). */
static inline CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets an option whose argument is a C string; curl copies it before returning. */
static inline CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets an option whose argument is a pointer curl keeps (CURLOPT_ERRORBUFFER): the caller
 * keeps the memory alive for as long as the handle. */
static inline CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/* The socket a CONNECT_ONLY transfer left open, for poll(2); CURL_SOCKET_BAD if none. */
static inline CURLcode ccurl_active_socket(CURL *handle, curl_socket_t *socket) {
    return curl_easy_getinfo(handle, CURLINFO_ACTIVESOCKET, socket);
}

#endif
